import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { createBatcher } from '../../core/batching/batcher.js';
import { preparedQuery } from '../../core/database/prepared-query.js';
import { TicketEntity } from '../tickets/entities/ticket.entity.js';

/** What the SLA needs besides the ticket's own columns: its customer's tags and its category's slug. */
export interface TicketSlaContext {
  ticket: TicketEntity;
  customerTags: string[];
  categorySlug: string | null;
}

/** The SLA's queries on tickets: what a recount reads, and the tickets the sweep has something to record for. */
@Injectable()
export class TicketSlaRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The ticket (as the caller's transaction sees it), its customer's tags and its category's slug. */
  async context(manager: EntityManager, ticketId: string): Promise<TicketSlaContext | null> {
    const ticket = await manager.findOneBy(TicketEntity, { id: ticketId });
    if (!ticket) return null;
    const rows = (await manager.query(
      `SELECT coalesce((SELECT tags FROM customers WHERE id = $1), '{}') AS tags, (SELECT slug FROM categories WHERE id = $2) AS slug`,
      [ticket.customerId, ticket.categoryId],
    )) as { tags: string[]; slug: string | null }[];
    return { ticket, customerTags: rows[0]?.tags ?? [], categorySlug: rows[0]?.slug ?? null };
  }

  /** The slug of a category (the statutory complaint deadline follows `complaint-return`). */
  categorySlug(categoryId: string): Promise<string | null> {
    return this.categorySlugs(categoryId);
  }

  /** Categories of new mails being filed at the same moment, looked up together (one round trip for many mails). */
  private readonly categorySlugs = createBatcher(
    async (ids: string[]): Promise<(string | null)[]> => {
      const rows = await preparedQuery<{ id: string; slug: string }>(
        this.dataSource, 'okienko_category_slugs', `SELECT id, slug FROM categories WHERE id = ANY($1::uuid[])`, [[...new Set(ids)]],
      );
      const slugs = new Map(rows.map((r) => [r.id, r.slug]));
      return ids.map((id) => slugs.get(id) ?? null);
    },
    { maxBatch: 100, maxInFlight: 2 },
  );

  /** Whether the message was written by a machine (an auto-reply, a bounce), and when it was stored. */
  async messageFacts(manager: EntityManager, messageId: string): Promise<{ automated: boolean; createdAt: Date } | null> {
    const rows = (await manager.query(`SELECT automated, created_at FROM messages WHERE id = $1`, [messageId])) as { automated: boolean; created_at: Date }[];
    return rows[0] ? { automated: rows[0].automated, createdAt: rows[0].created_at } : null;
  }

  async updateSla(manager: EntityManager, ticketId: string, patch: Partial<TicketEntity>): Promise<void> {
    if (Object.keys(patch).length) await manager.update(TicketEntity, { id: ticketId }, patch);
  }

  /** Tickets with a warning or breach due by `now`, the most overdue first (uses the partial index on sla_next_check_at). */
  async dueForCheck(now: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM tickets WHERE sla_next_check_at IS NOT NULL AND sla_next_check_at <= $1 ORDER BY sla_next_check_at LIMIT $2`,
      [now, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The ticket locked until the transaction ends; concurrent sweeps skip it instead of waiting (null). */
  lockedOrSkip(manager: EntityManager, ticketId: string): Promise<TicketEntity | null> {
    return manager
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('t.id = :ticketId', { ticketId })
      .getOne();
  }

  /** The ticket locked until the transaction ends (waiting for a concurrent change to finish). */
  locked(manager: EntityManager, ticketId: string): Promise<TicketEntity | null> {
    return manager.getRepository(TicketEntity).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :ticketId', { ticketId }).getOne();
  }
}
