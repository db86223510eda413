import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { TicketChannel, TicketPriority } from '@okienko/domain';
import { EntityManager, Repository } from 'typeorm';
import { SlaPolicyEntity } from './entities/sla-policy.entity.js';

/** Tables a policy points at: conditions name queues and categories, business targets a calendar. */
export type SlaReferencedTable = 'queues' | 'categories' | 'calendars';

/** What a policy is matched against, read from a stored ticket. */
export interface StoredTicketFacts {
  id: string;
  queueId: string | null;
  categoryId: string | null;
  priority: TicketPriority;
  channel: TicketChannel;
  customerTags: string[];
  createdAt: Date;
}

const TICKET_NUMBER = /^\d{4}-\d{6,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class SlaPoliciesRepository {
  constructor(@InjectRepository(SlaPolicyEntity) private readonly policies: Repository<SlaPolicyEntity>) {}

  /**
   * A change of the policies' order (creating one in its place, reordering):
   * such changes take turns, so two of them at once cannot interleave their
   * positions. Reading is never blocked.
   */
  orderedTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.policies.manager.transaction(async (manager) => {
      await manager.query(`LOCK TABLE sla_policies IN SHARE ROW EXCLUSIVE MODE`);
      return work(manager);
    });
  }

  /** Every policy in the order they are tried. */
  list(manager: EntityManager = this.policies.manager): Promise<SlaPolicyEntity[]> {
    return manager.find(SlaPolicyEntity, { order: { position: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<SlaPolicyEntity | null> {
    return this.policies.findOneBy({ id });
  }

  insert(manager: EntityManager, policy: Partial<SlaPolicyEntity>): Promise<SlaPolicyEntity> {
    return manager.save(manager.create(SlaPolicyEntity, policy));
  }

  async update(id: string, patch: Partial<SlaPolicyEntity>): Promise<void> {
    await this.policies.update({ id }, { ...patch, updatedAt: new Date() });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.policies.delete({ id });
    return (result.affected ?? 0) > 0;
  }

  /** The given policies, in this order, get positions 10, 20, 30… in one statement. */
  async setPositions(manager: EntityManager, ids: readonly string[]): Promise<void> {
    await manager.query(
      `UPDATE sla_policies SET position = o.n * 10, updated_at = now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE sla_policies.id = o.id`,
      [ids],
    );
  }

  /** Which of these ids exist in the table. */
  async existingIds(table: SlaReferencedTable, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await this.policies.manager.query(`SELECT id::text FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /** A ticket (by id or number) with its customer's tags, or null. */
  async ticketFacts(ref: string): Promise<StoredTicketFacts | null> {
    if (!TICKET_NUMBER.test(ref) && !UUID.test(ref)) return null;
    const rows = (await this.policies.manager.query(
      `SELECT t.id, t.queue_id, t.category_id, t.priority, t.channel, t.created_at, coalesce(c.tags, '{}') AS customer_tags
         FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id
        WHERE ${TICKET_NUMBER.test(ref) ? 't.number = $1' : 't.id = $1'}`,
      [ref],
    )) as { id: string; queue_id: string | null; category_id: string | null; priority: TicketPriority; channel: TicketChannel; created_at: Date; customer_tags: string[] }[];
    const row = rows[0];
    return row
      ? {
          id: row.id, queueId: row.queue_id, categoryId: row.category_id, priority: row.priority, channel: row.channel,
          customerTags: row.customer_tags, createdAt: row.created_at,
        }
      : null;
  }

  /** The names of SLA policies by id (what ticket reads show next to the deadlines). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = (await this.policies.query(`SELECT id, name FROM sla_policies WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
