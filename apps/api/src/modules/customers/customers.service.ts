import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../core/auth/actor.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { TicketAccessPolicy, type TicketAccessCondition } from '../tickets/ticket-access.policy.js';
import { CustomersException, CustomersErrorCode } from './customers.exception.js';
import { CustomersRepository, type CustomerContact } from './customers.repository.js';
import type { CreateCustomerDto } from './dtos/create-customer.dto.js';
import type { UpdateCustomerDto } from './dtos/update-customer.dto.js';
import type { CustomerEntity } from './entities/customer.entity.js';

const HISTORY_LIMIT = 50;

@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly access: TicketAccessPolicy,
  ) {}

  search(q: string | undefined, limit: number, offset: number): Promise<[CustomerEntity[], number]> {
    return this.customers.search(q?.trim() || undefined, limit, offset);
  }

  async get(id: string): Promise<CustomerEntity> {
    const customer = await this.customers.findById(id);
    if (!customer) throw new CustomersException(CustomersErrorCode.NotFound, `Customer ${id} does not exist`);
    return customer;
  }

  getMany(ids: string[]): Promise<CustomerEntity[]> {
    return this.customers.findByIds(ids);
  }

  /** The customer with their tickets, only those the actor may see (see TicketAccessPolicy). */
  async getWithHistory(id: string, actor: Actor): Promise<{ customer: CustomerEntity; tickets: TicketEntity[] }> {
    const customer = await this.get(id);
    return { customer, tickets: await this.customers.ticketHistory(id, HISTORY_LIMIT, await this.access.condition(actor)) };
  }

  /** The customer's newest tickets within `access` (the caller's reach; null: all). */
  ticketHistory(id: string, limit: number, access: TicketAccessCondition | null): Promise<TicketEntity[]> {
    return this.customers.ticketHistory(id, limit, access);
  }

  async create(dto: CreateCustomerDto): Promise<CustomerEntity> {
    await this.assertEmailFree(dto.email);
    return this.customers
      .insert({
        email: dto.email.trim(),
        name: dto.name?.trim() ?? null,
        emails: [],
        phones: dto.phones ?? [],
        externalIds: dto.externalIds ?? {},
        tags: dto.tags ?? [],
        notes: null,
      })
      .catch((error: unknown) => rethrowEmailTaken(error, dto.email));
  }

  /** Used when a ticket is opened for a contact: the known customer, or a new one. */
  upsertForTicket(manager: EntityManager, contact: CustomerContact): Promise<CustomerEntity> {
    return this.customers.upsertByEmail(manager, contact);
  }

  /** A customer for mail without a usable sender address. */
  createAnonymous(manager: EntityManager, name: string | null): Promise<CustomerEntity> {
    return this.customers.insertAnonymous(manager, name);
  }

  async update(id: string, dto: UpdateCustomerDto): Promise<CustomerEntity> {
    const customer = await this.get(id);
    if (dto.email !== undefined && dto.email.toLowerCase() !== customer.email?.toLowerCase()) await this.assertEmailFree(dto.email, id);
    Object.assign(customer, {
      ...dto,
      ...(dto.emails ? { emails: [...new Set(dto.emails.map((e) => e.trim().toLowerCase()))] } : {}),
    });
    return this.customers.save(customer).catch((error: unknown) => rethrowEmailTaken(error, dto.email ?? ''));
  }

  private async assertEmailFree(email: string, exceptId?: string): Promise<void> {
    const other = await this.customers.findByEmail(email);
    if (other && other.id !== exceptId) {
      throw new CustomersException(CustomersErrorCode.EmailTaken, `Another customer already has the e-mail ${email}`);
    }
  }
}

/** A concurrent request may take the e-mail between our check and our write; the unique index then answers. */
function rethrowEmailTaken(error: unknown, email: string): never {
  if ((error as { code?: string }).code === '23505') {
    throw new CustomersException(CustomersErrorCode.EmailTaken, `Another customer already has the e-mail ${email}`);
  }
  throw error;
}
