import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { EventActor } from '../tickets/ticket-audit.js';
import { CustomerMergeEntity, type MergedCustomerState } from './entities/customer-merge.entity.js';
import { CustomerEntity } from './entities/customer.entity.js';

/** A customer another one may be a duplicate of, and why. */
export interface DuplicateRow {
  id: string;
  samePhone: boolean;
  sameNameAndDomain: boolean;
}

/** What a merge moved or an undo moved back. */
export interface MovedRecords {
  ticketIds: string[];
  identityIds: string[];
  messageIds: string[];
}

/**
 * Merges of customers: moving tickets, the customer's own messages and
 * identities from one customer to another (and back), with an audit event on
 * every ticket moved.
 */
@Injectable()
export class CustomerMergesRepository {
  constructor(@InjectRepository(CustomerMergeEntity) private readonly merges: Repository<CustomerMergeEntity>) {}

  /** The customers, locked until the transaction ends (in id order, so concurrent merges lock alike). */
  lockCustomers(manager: EntityManager, ids: string[]): Promise<CustomerEntity[]> {
    return manager
      .getRepository(CustomerEntity)
      .createQueryBuilder('c')
      .setLock('pessimistic_write')
      .where('c.id IN (:...ids)', { ids })
      .orderBy('c.id')
      .getMany();
  }

  /** Moves everything of `fromId` (or, with `only`, just those records) to `toId`; answers what moved. */
  async move(manager: EntityManager, fromId: string, toId: string, only?: MovedRecords): Promise<MovedRecords> {
    const filter = (column: string, ids: string[] | undefined, param: number) => (ids ? ` AND ${column} = ANY($${param}::uuid[])` : '');
    const tickets: unknown = await manager.query(
      `UPDATE tickets SET customer_id = $2 WHERE customer_id = $1${filter('id', only?.ticketIds, 3)} RETURNING id`,
      only ? [fromId, toId, only.ticketIds] : [fromId, toId],
    );
    const messages: unknown = await manager.query(
      `UPDATE messages SET author_customer_id = $2 WHERE author_customer_id = $1${filter('id', only?.messageIds, 3)} RETURNING id`,
      only ? [fromId, toId, only.messageIds] : [fromId, toId],
    );
    const identities: unknown = await manager.query(
      `UPDATE customer_identities SET customer_id = $2 WHERE customer_id = $1${filter('id', only?.identityIds, 3)} RETURNING id`,
      only ? [fromId, toId, only.identityIds] : [fromId, toId],
    );
    return { ticketIds: returnedIds(tickets), messageIds: returnedIds(messages), identityIds: returnedIds(identities) };
  }

  /** One audit event per moved ticket: its customer changed from one to the other, by whom and why. */
  async recordTicketEvents(
    manager: EntityManager,
    ticketIds: string[],
    type: 'customer_merged' | 'customer_unmerged',
    from: { id: string; name: string | null },
    to: { id: string; name: string | null },
    who: EventActor,
  ): Promise<void> {
    if (!ticketIds.length) return;
    await manager.query(
      `INSERT INTO ticket_events (ticket_id, type, actor_type, actor_id, actor_name, field, old_value, new_value)
       SELECT t, $2, $3, $4, $5, 'customerId', $6::jsonb, $7::jsonb FROM unnest($1::uuid[]) AS t ORDER BY t`,
      [ticketIds, type, who.actorType, who.actorId, who.actorName, JSON.stringify(from), JSON.stringify(to)],
    );
  }

  /** Marks the source merged and clears its contact columns (its identities are the target's now). */
  async markMerged(manager: EntityManager, sourceId: string, targetId: string): Promise<void> {
    await manager.query(
      `UPDATE customers SET merged_into_id = $2, merged_at = now(), email = NULL, emails = '{}', phones = '{}', updated_at = now() WHERE id = $1`,
      [sourceId, targetId],
    );
  }

  /** Gives the source back its contact data as it was before the merge. */
  async restore(manager: EntityManager, sourceId: string, state: MergedCustomerState): Promise<void> {
    await manager.query(
      `UPDATE customers SET merged_into_id = NULL, merged_at = NULL, email = $2, emails = $3, phones = $4, updated_at = now() WHERE id = $1`,
      [sourceId, state.email, state.emails, state.phones],
    );
  }

  insert(manager: EntityManager, merge: Omit<CustomerMergeEntity, 'id' | 'mergedAt' | 'unmergedAt'>): Promise<CustomerMergeEntity> {
    return manager.save(manager.create(CustomerMergeEntity, { ...merge, mergedAt: new Date(), unmergedAt: null }));
  }

  async markUnmerged(manager: EntityManager, id: string): Promise<void> {
    await manager.update(CustomerMergeEntity, { id }, { unmergedAt: new Date() });
  }

  /** The standing (not undone) merge of `sourceId` into `targetId`, locked. */
  findStanding(manager: EntityManager, targetId: string, sourceId: string): Promise<CustomerMergeEntity | null> {
    return manager
      .getRepository(CustomerMergeEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.target_id = :targetId AND m.source_id = :sourceId AND m.unmerged_at IS NULL', { targetId, sourceId })
      .orderBy('m.merged_at', 'DESC')
      .getOne();
  }

  /** The merges into this customer, newest first (also those undone). */
  mergesInto(targetId: string): Promise<CustomerMergeEntity[]> {
    return this.merges.find({ where: { targetId }, order: { mergedAt: 'DESC' }, take: 100 });
  }

  /**
   * Customers who may be the same person, for an agent to confirm: one of
   * their phone numbers is the same national number (the last nine digits),
   * or they have the same name and an e-mail address in the same domain.
   * Merged customers are left out.
   */
  async duplicatesOf(customerId: string, limit: number): Promise<DuplicateRow[]> {
    return this.merges.manager.query(
      `WITH me AS (SELECT id, lower(okienko_unaccent(trim(name))) AS name FROM customers WHERE id = $1),
            my_phones AS (SELECT right(value, 9) AS tail FROM customer_identities WHERE customer_id = $1 AND kind = 'phone'),
            my_domains AS (SELECT DISTINCT split_part(value, '@', 2) AS domain FROM customer_identities WHERE customer_id = $1 AND kind = 'email'),
            by_phone AS (
              SELECT DISTINCT ci.customer_id AS id FROM customer_identities ci JOIN my_phones p ON right(ci.value, 9) = p.tail
               WHERE ci.kind = 'phone' AND ci.customer_id <> $1),
            by_name AS (
              SELECT DISTINCT c.id FROM me
                JOIN customers c ON c.id <> me.id AND me.name <> '' AND lower(okienko_unaccent(trim(c.name))) = me.name
                JOIN customer_identities ci ON ci.customer_id = c.id AND ci.kind = 'email'
                JOIN my_domains d ON d.domain = split_part(ci.value, '@', 2))
       SELECT c.id, (c.id IN (SELECT id FROM by_phone)) AS "samePhone", (c.id IN (SELECT id FROM by_name)) AS "sameNameAndDomain"
         FROM customers c
        WHERE c.merged_into_id IS NULL AND (c.id IN (SELECT id FROM by_phone) OR c.id IN (SELECT id FROM by_name))
        ORDER BY c.created_at, c.id
        LIMIT $2`,
      [customerId, limit],
    );
  }
}

/** UPDATE … RETURNING answers `[rows, count]` through TypeORM's pg driver. */
function returnedIds(result: unknown): string[] {
  const rows = Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]) : (result as unknown[]);
  return (rows as { id: string }[]).map((r) => r.id);
}
