import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What deciding who may hear about a ticket needs. */
export interface LiveTicket {
  id: string;
  number: string;
  queueId: string | null;
  assigneeId: string | null;
}

/** One audit event, as far as live updates care. */
export interface LiveEventRow {
  /** A bigint, as a string. */
  id: string;
  ticketId: string;
  type: string;
  field: string | null;
}

@Injectable()
export class LiveRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The newest audit event so far (0 without any). */
  async latestEventId(): Promise<string> {
    const rows = (await this.dataSource.query(`SELECT COALESCE(max(id), 0)::text AS id FROM ticket_events`)) as { id: string }[];
    return rows[0].id;
  }

  /**
   * Audit events after `afterId`, and those of `ids` (events that were not
   * visible yet when later ones were), in id order; at most `limit` of them.
   */
  async eventsSince(afterId: string, ids: string[], limit: number): Promise<LiveEventRow[]> {
    const rows = (await this.dataSource.query(
      // Two index range reads: an OR of both would make the planner walk the primary key from the start.
      `SELECT id::text AS id, ticket_id, type, field FROM (
         (SELECT id, ticket_id, type, field FROM ticket_events WHERE id > $1::bigint ORDER BY id LIMIT $3)
         UNION
         (SELECT id, ticket_id, type, field FROM ticket_events WHERE id = ANY($2::bigint[]))
       ) events ORDER BY id LIMIT $3`,
      [afterId, ids, limit],
    )) as { id: string; ticket_id: string; type: string; field: string | null }[];
    return rows.map((r) => ({ id: r.id, ticketId: r.ticket_id, type: r.type, field: r.field }));
  }

  async tickets(ids: string[]): Promise<Map<string, LiveTicket>> {
    if (!ids.length) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT id, number, queue_id, assignee_id FROM tickets WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as { id: string; number: string; queue_id: string | null; assignee_id: string | null }[];
    return new Map(rows.map((r) => [r.id, { id: r.id, number: r.number, queueId: r.queue_id, assigneeId: r.assignee_id }]));
  }
}
