import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { TicketEntity } from '../tickets/entities/ticket.entity.js';
import type { TicketSlaContext } from './ticket-sla.repository.js';
import { EMPTY_TICKET_SLA, type TicketSlaColumns } from './ticket-sla-state.js';

/** One ticket's recounted deadlines. */
export interface RecountedTicket {
  id: string;
  columns: TicketSlaColumns;
}

/** The recount's queries: pages of open tickets locked together, and their new deadlines written with one statement. */
@Injectable()
export class SlaRecountRepository {
  /** The SLA columns as PostgreSQL names and types them, read from the entity's mapping. */
  private readonly columns: { property: keyof TicketSlaColumns; name: string; type: string }[];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    const metadata = dataSource.getMetadata(TicketEntity);
    this.columns = (Object.keys(EMPTY_TICKET_SLA) as (keyof TicketSlaColumns)[]).map((property) => {
      const column = metadata.findColumnWithPropertyName(property);
      if (!column) throw new Error(`the ticket entity has no column for ${property}`);
      return { property, name: column.databaseName, type: String(column.type) };
    });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Unresolved tickets after `afterId`, by id. */
  async unresolvedAfter(afterId: string | null, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM tickets WHERE status NOT IN ('resolved', 'closed') AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
      [afterId, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * The tickets among `ids` that nobody else is changing right now, locked
   * until the transaction ends, with their customers' tags and categories'
   * slugs. A ticket being changed is left out (the caller recounts it later)
   * rather than waited for, so a page never queues behind a busy ticket.
   */
  async lockFree(manager: EntityManager, ids: string[]): Promise<TicketSlaContext[]> {
    const tickets = await manager
      .getRepository(TicketEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where({ id: In(ids) })
      .getMany();
    if (tickets.length === 0) return [];
    const facts = (await manager.query(
      `SELECT t.id, coalesce(c.tags, '{}') AS tags, cat.slug
         FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id LEFT JOIN categories cat ON cat.id = t.category_id
        WHERE t.id = ANY($1::uuid[])`,
      [tickets.map((t) => t.id)],
    )) as { id: string; tags: string[]; slug: string | null }[];
    const byId = new Map(facts.map((f) => [f.id, f]));
    return tickets.map((ticket) => ({ ticket, customerTags: byId.get(ticket.id)?.tags ?? [], categorySlug: byId.get(ticket.id)?.slug ?? null }));
  }

  /** Writes the recounted deadlines of many tickets with one UPDATE. */
  async write(manager: EntityManager, recounted: RecountedTicket[]): Promise<void> {
    if (recounted.length === 0) return;
    const rows = recounted.map(({ id, columns }) => {
      const row: Record<string, unknown> = { id };
      for (const { property, name } of this.columns) {
        const value = columns[property];
        row[name] = value instanceof Date ? value.toISOString() : value;
      }
      return row;
    });
    const assignments = this.columns.map((c) => `${c.name} = v.${c.name}`).join(', ');
    const shape = ['id uuid', ...this.columns.map((c) => `${c.name} ${c.type}`)].join(', ');
    await manager.query(
      `UPDATE tickets t SET ${assignments} FROM jsonb_to_recordset($1::jsonb) AS v(${shape}) WHERE t.id = v.id`,
      [JSON.stringify(rows)],
    );
  }
}
