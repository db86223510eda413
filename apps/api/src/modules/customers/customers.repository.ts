import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { TicketEntity } from '../tickets/entities/ticket.entity.js';
import type { TicketAccessCondition } from '../tickets/ticket-access.policy.js';
import { CustomerEntity } from './entities/customer.entity.js';

interface CustomerRow {
  id: string;
  name: string | null;
  email: string | null;
  emails: string[];
  phones: string[];
  external_ids: Record<string, string>;
  tags: string[];
  notes: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface CustomerContact {
  email: string;
  name?: string;
  phone?: string;
}

@Injectable()
export class CustomersRepository {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  findById(id: string): Promise<CustomerEntity | null> {
    return this.customers.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<CustomerEntity[]> {
    return ids.length ? this.customers.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByEmail(email: string): Promise<CustomerEntity | null> {
    return this.customers.createQueryBuilder('c').where('lower(c.email) = lower(:email)', { email }).getOne();
  }

  /**
   * The customer with this e-mail, created when new. A known customer keeps
   * their data; only what was missing (name, a new phone) is filled in.
   */
  async upsertByEmail(manager: EntityManager, contact: CustomerContact): Promise<CustomerEntity> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO customers (email, name, phones)
       VALUES ($1, $2, CASE WHEN $3::text IS NULL THEN '{}'::text[] ELSE ARRAY[$3::text] END)
       ON CONFLICT ((lower(email))) DO UPDATE SET
         name = COALESCE(customers.name, EXCLUDED.name),
         phones = CASE WHEN $3::text IS NULL OR $3::text = ANY(customers.phones) THEN customers.phones
                       ELSE customers.phones || $3::text END,
         updated_at = CASE WHEN customers.name IS NULL AND EXCLUDED.name IS NOT NULL
                             OR ($3::text IS NOT NULL AND NOT $3::text = ANY(customers.phones))
                           THEN now() ELSE customers.updated_at END
       RETURNING *`,
      [contact.email.trim(), contact.name?.trim() || null, contact.phone?.trim() || null],
    );
    const row = rows[0] as unknown as CustomerRow;
    return manager.create(CustomerEntity, {
      id: row.id, name: row.name, email: row.email, emails: row.emails, phones: row.phones, externalIds: row.external_ids,
      tags: row.tags, notes: row.notes, createdAt: row.created_at, updatedAt: row.updated_at,
    });
  }

  insertAnonymous(manager: EntityManager, name: string | null): Promise<CustomerEntity> {
    return manager.save(manager.create(CustomerEntity, { name, email: null, emails: [], phones: [], externalIds: {}, tags: [], notes: null }));
  }

  /** Search by name, e-mail (any of them) or phone; diacritics and letter case do not matter. */
  async search(q: string | undefined, limit: number, offset: number): Promise<[CustomerEntity[], number]> {
    const query = this.customers.createQueryBuilder('c');
    if (q) {
      query.where(
        `(lower(okienko_unaccent(coalesce(c.name, '') || ' ' || coalesce(c.email, ''))) LIKE '%' || lower(okienko_unaccent(:pattern)) || '%'
          OR lower(:q) = ANY(c.emails) OR :q = ANY(c.phones))`,
        { q, pattern: q.replace(/[%_\\]/g, (m) => `\\${m}`) },
      );
    }
    return query.orderBy('c.name', 'ASC', 'NULLS LAST').addOrderBy('c.id').take(limit).skip(offset).getManyAndCount();
  }

  save(customer: CustomerEntity): Promise<CustomerEntity> {
    return this.customers.save(customer);
  }

  insert(customer: Partial<CustomerEntity>): Promise<CustomerEntity> {
    return this.customers.save(this.customers.create(customer));
  }

  /** The customer's tickets across every channel within `access` (null: all), newest first (read-only view of the tickets). */
  ticketHistory(customerId: string, limit: number, access: TicketAccessCondition | null): Promise<TicketEntity[]> {
    const q = this.customers.manager.getRepository(TicketEntity).createQueryBuilder('t').where('t.customer_id = :customerId', { customerId });
    if (access) q.andWhere(access.sql, access.parameters);
    return q.orderBy('t.created_at', 'DESC').addOrderBy('t.id', 'DESC').take(limit).getMany();
  }
}
