import { Inject, Injectable } from '@nestjs/common';
import { detectCustomerLanguage, normaliseIdentity, normalisePhone, parseIdentityQuery, phoneNumberPrefix, type CustomerLanguage, type NormalisedIdentity } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { TicketAccessPolicy, type TicketAccessCondition } from '../tickets/ticket-access.policy.js';
import { CustomerObservers } from './customer-observers.js';
import { CustomersException, CustomersErrorCode } from './customers.exception.js';
import { CustomersRepository } from './customers.repository.js';
import type { CreateCustomerIdentityDto } from './dtos/create-customer-identity.dto.js';
import type { CreateCustomerDto } from './dtos/create-customer.dto.js';
import { CustomerDto } from './dtos/customer.dto.js';
import type { UpdateCustomerDto } from './dtos/update-customer.dto.js';
import type { CustomerEntity } from './entities/customer.entity.js';

const HISTORY_LIMIT = 50;

/** Who a ticket is for, as its creator gives it: at least one identity. */
export interface CustomerContact {
  email?: string;
  phone?: string;
  name?: string;
  identities?: { kind: string; value: string; source?: string }[];
}

/** An identity with the request field it came from (named in a 400). */
interface GivenIdentity {
  identity: NormalisedIdentity;
  field: string;
}

@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly access: TicketAccessPolicy,
    private readonly observers: CustomerObservers,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Customers by name, e-mail or phone (`q`) and/or exactly one identity (`kind:value`); merged customers are left out. */
  search(
    q: string | undefined, identity: string | undefined, limit: number, offset: number,
  ): Promise<{ items: CustomerEntity[]; total: number; totalIsExact: boolean }> {
    const wanted = identity === undefined ? undefined : this.identityFromQuery(identity);
    const text = q?.trim();
    const phone = text && /^[+\d][\d\s\-()/.]*$/.test(text) ? normalisePhone(text, this.config.defaultPhoneRegion) : null;
    // A number still being typed finds the customers whose numbers start so.
    const phonePrefix = text ? phoneNumberPrefix(text, this.config.defaultPhoneRegion) : null;
    return this.customers.search(text ? { text, phone, phonePrefix } : undefined, wanted, limit, offset);
  }

  async get(id: string, manager?: EntityManager): Promise<CustomerEntity> {
    const customer = await this.customers.findById(id, manager);
    if (!customer) throw new CustomersException(CustomersErrorCode.NotFound, `Customer ${id} does not exist`);
    return customer;
  }

  /**
   * The language to write to the customer in: the one stored, else the one
   * their message is written in (stored, so their first message decides),
   * else Polish.
   */
  async settleLanguage(id: string, text: string, manager?: EntityManager): Promise<CustomerLanguage> {
    return (await this.customers.settleLanguage(id, detectCustomerLanguage(text), manager)) ?? 'pl';
  }

  /** The language to write to the customer in (Polish while not known). */
  async languageOf(id: string, manager?: EntityManager): Promise<CustomerLanguage> {
    return (await this.customers.findById(id, manager))?.language ?? 'pl';
  }

  getMany(ids: string[]): Promise<CustomerEntity[]> {
    return this.customers.findByIds(ids);
  }

  /** The customer as the API shows them, with their identities. */
  async toDto(customer: CustomerEntity): Promise<CustomerDto> {
    return CustomerDto.from(customer, await this.customers.identitiesOf([customer.id]));
  }

  /** Customers as the API shows them, their identities read in one query. */
  async toDtos(customers: CustomerEntity[]): Promise<CustomerDto[]> {
    const identities = await this.customers.identitiesOf(customers.map((c) => c.id));
    return customers.map((c) => CustomerDto.from(c, identities.filter((i) => i.customerId === c.id)));
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
    const identities = [
      { identity: this.normalise({ kind: 'email', value: dto.email }, 'email'), field: 'email' },
      ...(dto.phones ?? []).map((value, i) => ({ identity: this.normalise({ kind: 'phone', value }, `phones.${i}`), field: `phones.${i}` })),
    ];
    return this.customers.transaction(async (manager) => {
      await this.customers.lockIdentities(manager, identities.map((g) => g.identity));
      await this.assertFree(manager, identities, null);
      if (await this.customers.findByEmail(dto.email, manager)) throw emailTaken(dto.email);
      const customer = await this.customers
        .insert(manager, {
          email: dto.email.trim(),
          name: dto.name?.trim() ?? null,
          emails: [],
          phones: [],
          externalIds: dto.externalIds ?? {},
          tags: dto.tags ?? [],
          notes: null,
        })
        .catch((error: unknown) => rethrowEmailTaken(error, dto.email));
      await this.customers.addIdentities(manager, customer.id, identities.map((g) => g.identity));
      await this.customers.syncContactColumns(manager, customer.id);
      // Webhooks (customer.created) hear of it in this transaction: the event leaves only if the customer is stored.
      await this.observers.created(manager, customer.id);
      return this.get(customer.id, manager);
    });
  }

  /**
   * The customer a ticket is opened for: the one holding the first of the
   * given identities that anybody holds (e-mail, then phone, then the listed
   * identities, in that order), or a new one. Identities the customer did not
   * have yet are added, unless another customer holds them: nobody is merged
   * automatically, only exact identities match.
   */
  async upsertForTicket(manager: EntityManager, contact: CustomerContact): Promise<CustomerEntity> {
    const given = this.contactIdentities(contact);
    const identities = given.map((g) => g.identity);
    const name = contact.name?.trim() || null;
    await this.customers.lockIdentities(manager, identities);
    const matches = await this.customers.matchIdentities(identities, manager);
    let customer: CustomerEntity;
    if (matches.length) customer = await this.customers.fillName(manager, matches[0].customerId, name);
    else if (contact.email) customer = await this.customers.upsertByEmail(manager, { email: contact.email, name });
    else customer = await this.customers.insert(manager, { name, email: null, emails: [], phones: [], externalIds: {}, tags: [], notes: null });
    const held = new Set(matches.map((m) => identityKey(m.identity)));
    const added = await this.customers.addIdentities(manager, customer.id, identities.filter((i) => !held.has(identityKey(i))));
    if (!added.length) return customer;
    await this.customers.syncContactColumns(manager, customer.id);
    return this.get(customer.id, manager);
  }

  /** A customer for mail without a usable sender address. */
  createAnonymous(manager: EntityManager, name: string | null): Promise<CustomerEntity> {
    return this.customers.insertAnonymous(manager, name);
  }

  /**
   * Changes the given fields. `email`, `emails` and `phones` replace the
   * customer's e-mail and phone identities (phones normalised to E.164).
   */
  async update(id: string, dto: UpdateCustomerDto): Promise<CustomerEntity> {
    return this.customers.transaction(async (manager) => {
      const customer = await this.getActive(id, manager);
      if (dto.email !== undefined && dto.email.trim().toLowerCase() !== customer.email?.toLowerCase()) {
        const other = await this.customers.findByEmail(dto.email, manager);
        if (other && other.id !== id) throw emailTaken(dto.email);
      }
      const { email, emails, phones, ...rest } = dto;
      Object.assign(customer, rest);
      if (email !== undefined) customer.email = email.trim();
      await this.customers.save(customer, manager).catch((error: unknown) => rethrowEmailTaken(error, email ?? ''));
      const current = await this.customers.identitiesOf([id], manager);
      if (email !== undefined || emails !== undefined) {
        const wanted = [
          ...(customer.email ? [{ identity: this.normalise({ kind: 'email', value: customer.email }, 'email'), field: 'email' }] : []),
          ...(emails ?? customer.emails).map((value, i) => ({ identity: this.normalise({ kind: 'email', value }, `emails.${i}`), field: `emails.${i}` })),
        ];
        await this.replaceIdentities(manager, id, current.filter((i) => i.kind === 'email'), wanted);
      }
      if (phones !== undefined) {
        const wanted = phones.map((value, i) => ({ identity: this.normalise({ kind: 'phone', value }, `phones.${i}`), field: `phones.${i}` }));
        await this.replaceIdentities(manager, id, current.filter((i) => i.kind === 'phone'), wanted);
      }
      await this.customers.syncContactColumns(manager, id);
      return this.get(id, manager);
    });
  }

  /** Adds an identity; 409 naming the customer who holds it already. */
  async addIdentity(id: string, dto: CreateCustomerIdentityDto): Promise<CustomerEntity> {
    const identity = this.normalise(dto, 'value');
    return this.customers.transaction(async (manager) => {
      await this.getActive(id, manager);
      await this.customers.lockIdentities(manager, [identity]);
      const [match] = await this.customers.matchIdentities([identity], manager);
      if (match && match.customerId !== id) throw identityTaken(identity, match.customerId, 'value');
      if (!match) {
        const added = await this.customers.addIdentities(manager, id, [identity]);
        if (!added.length) throw identityTaken(identity, null, 'value');
        await this.customers.syncContactColumns(manager, id);
      }
      return this.get(id, manager);
    });
  }

  async removeIdentity(id: string, identityId: string): Promise<CustomerEntity> {
    return this.customers.transaction(async (manager) => {
      await this.getActive(id, manager);
      const identity = await this.customers.findIdentity(identityId, manager);
      if (!identity || identity.customerId !== id) {
        throw new CustomersException(CustomersErrorCode.IdentityNotFound, `Customer ${id} has no identity ${identityId}`);
      }
      await this.customers.removeIdentities(manager, [identityId]);
      await this.customers.syncContactColumns(manager, id);
      return this.get(id, manager);
    });
  }

  /** A customer that is not merged into another (changes go to the one they were merged into). */
  private async getActive(id: string, manager: EntityManager): Promise<CustomerEntity> {
    const customer = await this.get(id, manager);
    if (customer.mergedIntoId) {
      throw new CustomersException(CustomersErrorCode.Merged, `Customer ${id} is merged into ${customer.mergedIntoId}`, { mergedIntoId: customer.mergedIntoId });
    }
    return customer;
  }

  /** Makes the customer's identities of one kind exactly `wanted`; 409 when another customer holds one of them. */
  private async replaceIdentities(
    manager: EntityManager,
    customerId: string,
    current: { id: string; kind: string; source: string; value: string }[],
    wanted: GivenIdentity[],
  ): Promise<void> {
    await this.customers.lockIdentities(manager, wanted.map((g) => g.identity));
    await this.assertFree(manager, wanted, customerId);
    const wantedKeys = new Set(wanted.map((g) => identityKey(g.identity)));
    await this.customers.removeIdentities(manager, current.filter((i) => !wantedKeys.has(identityKey(i))).map((i) => i.id));
    await this.customers.addIdentities(manager, customerId, wanted.map((g) => g.identity));
  }

  private async assertFree(manager: EntityManager, given: GivenIdentity[], customerId: string | null): Promise<void> {
    const matches = await this.customers.matchIdentities(given.map((g) => g.identity), manager);
    const other = matches.find((m) => m.customerId !== customerId);
    if (!other) return;
    const field = given.find((g) => identityKey(g.identity) === identityKey(other.identity))!.field;
    if (other.identity.kind === 'email' && field === 'email') throw emailTaken(other.identity.value);
    throw identityTaken(other.identity, other.customerId, field);
  }

  private contactIdentities(contact: CustomerContact): GivenIdentity[] {
    const given: GivenIdentity[] = [];
    if (contact.email !== undefined) given.push({ identity: this.normalise({ kind: 'email', value: contact.email }, 'customer.email'), field: 'customer.email' });
    if (contact.phone !== undefined) given.push({ identity: this.normalise({ kind: 'phone', value: contact.phone }, 'customer.phone'), field: 'customer.phone' });
    (contact.identities ?? []).forEach((identity, i) => {
      given.push({ identity: this.normalise(identity, `customer.identities.${i}`), field: `customer.identities.${i}` });
    });
    if (!given.length) throw invalid('customer', 'customer needs at least one identity: email, phone or identities');
    const seen = new Set<string>();
    return given.filter((g) => !seen.has(identityKey(g.identity)) && seen.add(identityKey(g.identity)));
  }

  private identityFromQuery(text: string): NormalisedIdentity {
    const parsed = parseIdentityQuery(text);
    if (!parsed) throw invalid('identity', 'identity must be written as kind:value, e.g. phone:+48600100200');
    return this.normalise(parsed, 'identity');
  }

  private normalise(input: { kind: string; value: string; source?: string | null }, field: string): NormalisedIdentity {
    const result = normaliseIdentity(input, this.config.defaultPhoneRegion);
    if (!result.ok) throw invalid(field, `${field}: ${result.message}`);
    return result.identity;
  }
}

function identityKey(identity: { kind: string; source: string; value: string }): string {
  return `${identity.kind}\u0000${identity.source}\u0000${identity.value}`;
}

function invalid(field: string, message: string): CustomersException {
  return new CustomersException(CustomersErrorCode.IdentityInvalid, message, { fields: [{ field, errors: [message] }] });
}

function identityTaken(identity: NormalisedIdentity, customerId: string | null, field: string): CustomersException {
  return new CustomersException(
    CustomersErrorCode.IdentityTaken,
    `Another customer${customerId ? ` (${customerId})` : ''} already has the ${identity.kind} identity ${identity.value}`,
    { customerId, field },
  );
}

function emailTaken(email: string): CustomersException {
  return new CustomersException(CustomersErrorCode.EmailTaken, `Another customer already has the e-mail ${email.trim()}`);
}

/** A concurrent request may take the e-mail between our check and our write; the unique index then answers. */
function rethrowEmailTaken(error: unknown, email: string): never {
  if ((error as { code?: string }).code === '23505') throw emailTaken(email);
  throw error;
}
