import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CustomerLanguage, NormalisedIdentity } from '@okienko/domain';
import { EntityManager, In, Repository } from 'typeorm';
import { preparedQuery } from '../../core/database/prepared-query.js';
import { TicketEntity } from '../tickets/entities/ticket.entity.js';
import type { TicketAccessCondition } from '../tickets/ticket-access.policy.js';
import { CustomerIdentityEntity } from './entities/customer-identity.entity.js';
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
  merged_into_id: string | null;
  merged_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A known sender as the automations see it. */
export interface KnownSender {
  name: string | null;
  email: string | null;
  tags: string[];
  externalIds: Record<string, string>;
}

/** The identity that matched, in the order the identities were given. */
export interface IdentityMatch {
  identity: NormalisedIdentity;
  customerId: string;
}

/** The customer search counts its matches exactly up to this many. */
export const EXACT_CUSTOMER_TOTAL = 10_000;

@Injectable()
export class CustomersRepository {
  constructor(@InjectRepository(CustomerEntity) private readonly customers: Repository<CustomerEntity>) {}

  /**
   * Stores the language when none is stored yet (a customer's first message decides); answers what is stored then.
   * A customer whose language is known is only read: their row is not written again for every new ticket.
   */
  async settleLanguage(id: string, detected: CustomerLanguage | null, manager: EntityManager = this.customers.manager): Promise<CustomerLanguage | null> {
    if (detected !== null) {
      const [settled] = (await manager.query(`UPDATE customers SET language = $2 WHERE id = $1 AND language IS NULL RETURNING language`, [id, detected])) as [
        { language: CustomerLanguage }[],
        number,
      ];
      if (settled[0]) return settled[0].language;
    }
    const rows: { language: CustomerLanguage | null }[] = await manager.query(`SELECT language FROM customers WHERE id = $1`, [id]);
    return rows[0]?.language ?? null;
  }

  findById(id: string, manager: EntityManager = this.customers.manager): Promise<CustomerEntity | null> {
    return manager.findOneBy(CustomerEntity, { id });
  }

  findByIds(ids: string[]): Promise<CustomerEntity[]> {
    return ids.length ? this.customers.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** The customer whose primary e-mail this is, regardless of letter case. */
  findByEmail(email: string, manager: EntityManager = this.customers.manager): Promise<CustomerEntity | null> {
    return manager.getRepository(CustomerEntity).createQueryBuilder('c').where('lower(c.email) = lower(:email)', { email }).getOne();
  }

  /** The identities of these customers, oldest first. */
  identitiesOf(customerIds: string[], manager: EntityManager = this.customers.manager): Promise<CustomerIdentityEntity[]> {
    if (!customerIds.length) return Promise.resolve([]);
    return manager.find(CustomerIdentityEntity, { where: { customerId: In(customerIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findIdentity(id: string, manager: EntityManager = this.customers.manager): Promise<CustomerIdentityEntity | null> {
    return manager.findOneBy(CustomerIdentityEntity, { id });
  }

  /** Who holds each of these identities (exact, normalised values), in the order given; identities nobody holds are left out. */
  async matchIdentities(identities: NormalisedIdentity[], manager: EntityManager = this.customers.manager): Promise<IdentityMatch[]> {
    if (!identities.length) return [];
    const rows: { ord: number; customer_id: string }[] = await manager.query(
      `SELECT i.ord, ci.customer_id
         FROM jsonb_to_recordset($1::jsonb) AS i(ord int, kind text, source text, value text)
         JOIN customer_identities ci ON ci.kind = i.kind AND ci.source = i.source AND ci.value = i.value
        ORDER BY i.ord`,
      [JSON.stringify(identities.map((identity, ord) => ({ ord, ...identity })))],
    );
    return rows.map((row) => ({ identity: identities[row.ord], customerId: row.customer_id }));
  }

  /**
   * Serialises the creation of customers for these identities until the
   * transaction ends: two requests for the same new phone number create one customer.
   */
  async lockIdentities(manager: EntityManager, identities: NormalisedIdentity[]): Promise<void> {
    const keys = [...new Set(identities.map((i) => `${i.kind}:${i.source}:${i.value}`))].sort();
    if (keys.length) await manager.query(`SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest($1::text[]) AS k ORDER BY k`, [keys]);
  }

  /**
   * Adds the identities to the customer; those held already (by them or by
   * someone else) are left as they are. Answers the ones added.
   */
  async addIdentities(manager: EntityManager, customerId: string, identities: NormalisedIdentity[]): Promise<CustomerIdentityEntity[]> {
    if (!identities.length) return [];
    const rows: { id: string; kind: string; source: string; value: string; created_at: Date }[] = await manager.query(
      // clock_timestamp: identities added together keep the order they were given in.
      `INSERT INTO customer_identities (customer_id, kind, source, value, created_at)
       SELECT $1, i.kind, i.source, i.value, clock_timestamp() FROM jsonb_to_recordset($2::jsonb) AS i(ord int, kind text, source text, value text) ORDER BY i.ord
       ON CONFLICT DO NOTHING
       RETURNING id, kind, source, value, created_at`,
      [customerId, JSON.stringify(identities.map((identity, ord) => ({ ord, ...identity })))],
    );
    return rows.map((r) => manager.create(CustomerIdentityEntity, {
      id: r.id, customerId, kind: r.kind as CustomerIdentityEntity['kind'], source: r.source, value: r.value, createdAt: r.created_at,
    }));
  }

  async removeIdentities(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await manager.delete(CustomerIdentityEntity, { id: In(ids) });
  }

  /**
   * Keeps the contact columns in step with the identities: the primary e-mail
   * stays while it is an identity (else the oldest e-mail identity takes its
   * place), `emails` lists the other e-mail identities, `phones` the phone
   * identities, oldest first.
   */
  async syncContactColumns(manager: EntityManager, customerId: string): Promise<void> {
    await manager.query(
      `WITH mine AS (SELECT kind, value, created_at, id FROM customer_identities WHERE customer_id = $1),
            primary_email AS (
              SELECT COALESCE(
                (SELECT c.email FROM customers c WHERE c.id = $1 AND EXISTS (SELECT 1 FROM mine WHERE kind = 'email' AND value = lower(c.email))),
                (SELECT value FROM mine WHERE kind = 'email' ORDER BY created_at, id LIMIT 1)) AS email)
       UPDATE customers c SET
         email = p.email,
         emails = ARRAY(SELECT value FROM mine WHERE kind = 'email' AND value IS DISTINCT FROM lower(p.email) ORDER BY created_at, id),
         phones = ARRAY(SELECT value FROM mine WHERE kind = 'phone' ORDER BY created_at, id),
         updated_at = now()
         FROM primary_email p
        WHERE c.id = $1`,
      [customerId],
    );
  }

  /**
   * The customer with this primary e-mail, created when new (concurrent
   * requests for the same address meet on its unique index). A known customer
   * keeps their data; a missing name is filled in.
   */
  async upsertByEmail(manager: EntityManager, contact: { email: string; name: string | null }): Promise<CustomerEntity> {
    const rows: CustomerRow[] = await manager.query(
      `INSERT INTO customers (email, name, phones)
       VALUES ($1, $2, '{}')
       ON CONFLICT ((lower(email))) DO UPDATE SET
         name = COALESCE(customers.name, EXCLUDED.name),
         updated_at = CASE WHEN customers.name IS NULL AND EXCLUDED.name IS NOT NULL THEN now() ELSE customers.updated_at END
       RETURNING *`,
      [contact.email.trim(), contact.name],
    );
    return this.fromRow(manager, rows[0]);
  }

  /** Fills in a missing name; answers the customer as it is now. */
  async fillName(manager: EntityManager, customerId: string, name: string | null): Promise<CustomerEntity> {
    const rows: CustomerRow[][] | CustomerRow[] = await manager.query(
      `UPDATE customers SET name = COALESCE(name, $2), updated_at = CASE WHEN name IS NULL AND $2::text IS NOT NULL THEN now() ELSE updated_at END
        WHERE id = $1 RETURNING *`,
      [customerId, name],
    );
    // UPDATE … RETURNING answers [rows, count] through the pg driver.
    const row = (Array.isArray(rows[0]) ? rows[0][0] : rows[0]) as CustomerRow;
    return this.fromRow(manager, row);
  }

  insertAnonymous(manager: EntityManager, name: string | null): Promise<CustomerEntity> {
    return manager.save(manager.create(CustomerEntity, {
      name, email: null, emails: [], phones: [], externalIds: {}, tags: [], notes: null, mergedIntoId: null, mergedAt: null,
    }));
  }

  /**
   * Search by name, e-mail (any of them) or phone (normalised); diacritics and
   * letter case do not matter. With `identity`, only the customer holding it.
   * Customers merged into another are left out. Fast enough to run on every
   * key press: each condition has an index (trigrams of name and e-mail, the
   * e-mail array, identities by prefix: `jan@exa`, `+48600 1…`), and the total
   * is counted exactly only up to EXACT_CUSTOMER_TOTAL (`totalIsExact`).
   */
  async search(
    q: { text: string; phone: string | null; phonePrefix: string | null } | undefined,
    identity: NormalisedIdentity | undefined,
    limit: number,
    offset: number,
  ): Promise<{ items: CustomerEntity[]; total: number; totalIsExact: boolean }> {
    const query = this.customers.createQueryBuilder('c').where('c.merged_into_id IS NULL');
    if (q) {
      const like = (value: string) => value.replace(/[%_\\]/g, (m) => `\\${m}`);
      const text = q.text.toLowerCase();
      const prefixes = [...new Set([text, ...(q.phone ? [q.phone] : []), ...(q.phonePrefix ? [q.phonePrefix] : [])])];
      // One LIKE per prefix: each is a range of the identities' prefix index (LIKE ANY would not be).
      const identityMatch = prefixes.map((_, i) => `ci.value LIKE :prefix${i}`).join(' OR ');
      // A union of ids, one index each (as ORs with a sub-select the planner would read every customer).
      query.andWhere(
        `c.id IN (
          SELECT n.id FROM customers n
          WHERE lower(okienko_unaccent(coalesce(n.name, '') || ' ' || coalesce(n.email, ''))) LIKE '%' || lower(okienko_unaccent(:pattern)) || '%'
          UNION SELECT e.id FROM customers e WHERE e.emails @> ARRAY[:email]::text[]
          UNION SELECT ci.customer_id FROM customer_identities ci WHERE ci.kind IN ('email', 'phone') AND (${identityMatch}))`,
        { email: text, pattern: like(q.text), ...Object.fromEntries(prefixes.map((p, i) => [`prefix${i}`, `${like(p)}%`])) },
      );
    }
    if (identity) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM customer_identities ci WHERE ci.customer_id = c.id AND ci.kind = :ikind AND ci.source = :isource AND ci.value = :ivalue)',
        { ikind: identity.kind, isource: identity.source, ivalue: identity.value },
      );
    }
    const page = query.clone().orderBy('c.name', 'ASC', 'NULLS LAST').addOrderBy('c.id').take(limit).skip(offset);
    const [sql, parameters] = query.select('1').limit(EXACT_CUSTOMER_TOTAL + 1).getQueryAndParameters();
    const [items, rows] = await Promise.all([
      page.getMany(),
      this.customers.query(`SELECT count(*) AS count FROM (${sql}) capped`, parameters) as Promise<{ count: string }[]>,
    ]);
    const count = Number(rows[0]?.count ?? 0);
    return { items, total: Math.min(count, EXACT_CUSTOMER_TOTAL), totalIsExact: count <= EXACT_CUSTOMER_TOTAL };
  }

  save(customer: CustomerEntity, manager: EntityManager = this.customers.manager): Promise<CustomerEntity> {
    return manager.save(customer);
  }

  insert(manager: EntityManager, customer: Partial<CustomerEntity>): Promise<CustomerEntity> {
    return manager.save(manager.create(CustomerEntity, { mergedIntoId: null, mergedAt: null, ...customer }));
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.customers.manager.transaction(work);
  }

  /** The customer's tickets across every channel within `access` (null: all), newest first (read-only view of the tickets). */
  ticketHistory(customerId: string, limit: number, access: TicketAccessCondition | null): Promise<TicketEntity[]> {
    const q = this.customers.manager.getRepository(TicketEntity).createQueryBuilder('t').where('t.customer_id = :customerId', { customerId });
    if (access) q.andWhere(access.sql, access.parameters);
    return q.orderBy('t.created_at', 'DESC').addOrderBy('t.id', 'DESC').take(limit).getMany();
  }

  /**
   * What the automations look at of new messages' senders, by e-mail
   * identity (null for a sender nobody holds): many senders in one round trip.
   */
  async knownSenders(emails: string[]): Promise<(KnownSender | null)[]> {
    const rows = await preparedQuery<{ key: string; name: string | null; email: string | null; tags: string[]; external_ids: Record<string, string> }>(
      this.customers.manager.connection,
      'okienko_draft_customers',
      // One index look-up per address: with `value = ANY($1)` the planner, its statistics taken while the table was
      // small, may read every e-mail identity and filter them.
      `SELECT a.key, c.name, c.email, c.tags, c.external_ids
         FROM unnest($1::text[]) AS a(key)
         CROSS JOIN LATERAL (SELECT ci.customer_id FROM customer_identities ci
                              WHERE ci.kind = 'email' AND ci.source = '' AND ci.value = a.key LIMIT 1) ci
         JOIN customers c ON c.id = ci.customer_id`,
      [[...new Set(emails.map((e) => e.toLowerCase()))]],
    );
    const found = new Map(rows.map((r) => [r.key, { name: r.name, email: r.email, tags: r.tags, externalIds: r.external_ids }]));
    return emails.map((e) => found.get(e.toLowerCase()) ?? null);
  }

  private fromRow(manager: EntityManager, row: CustomerRow): CustomerEntity {
    return manager.create(CustomerEntity, {
      id: row.id, name: row.name, email: row.email, emails: row.emails, phones: row.phones, externalIds: row.external_ids,
      tags: row.tags, notes: row.notes, mergedIntoId: row.merged_into_id, mergedAt: row.merged_at, createdAt: row.created_at, updatedAt: row.updated_at,
    });
  }
}
