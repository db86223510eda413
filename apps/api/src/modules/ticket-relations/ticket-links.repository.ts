import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TicketStatus } from '@okienko/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { TicketAccessCondition } from '../tickets/ticket-access.policy.js';
import type { TicketLinkKind } from './dtos/ticket-link.dto.js';

export interface TicketLinkRow {
  ticketId: string;
  number: string;
  subject: string;
  status: TicketStatus;
  kind: TicketLinkKind;
  createdAt: Date;
}

/** The pair as stored: the smaller id first (one row per pair, whichever side linked). */
function pair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** `ticket_links`: symmetric links between two tickets. */
@Injectable()
export class TicketLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The tickets linked to this one that the access condition admits (all when null), oldest link first. */
  async linksOf(ticketId: string, access: TicketAccessCondition | null): Promise<TicketLinkRow[]> {
    const query = this.dataSource
      .createQueryBuilder()
      .select(['t.id AS "ticketId"', 't.number AS number', 't.subject AS subject', 't.status AS status', 'l.kind AS kind', 'l.created_at AS "createdAt"'])
      .from('ticket_links', 'l')
      .innerJoin('tickets', 't', 't.id = CASE WHEN l.ticket_a_id = :ticketId THEN l.ticket_b_id ELSE l.ticket_a_id END', { ticketId })
      .where('(l.ticket_a_id = :ticketId OR l.ticket_b_id = :ticketId)', { ticketId })
      .orderBy('l.created_at', 'ASC')
      .addOrderBy('t.number', 'ASC');
    if (access) query.andWhere(access.sql, access.parameters);
    return query.getRawMany<TicketLinkRow>();
  }

  /** Links the two tickets; false when they are linked already. */
  async insert(manager: EntityManager, a: string, b: string, kind: TicketLinkKind): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO ticket_links (ticket_a_id, ticket_b_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING kind`,
      [...pair(a, b), kind],
    );
    return rows.length > 0;
  }

  /** Removes the link; the kind it had, or null when there was none. */
  async remove(manager: EntityManager, a: string, b: string): Promise<TicketLinkKind | null> {
    const rows: { kind: TicketLinkKind }[] = await manager.query(
      `WITH gone AS (DELETE FROM ticket_links WHERE ticket_a_id = $1 AND ticket_b_id = $2 RETURNING kind) SELECT kind FROM gone`,
      pair(a, b),
    );
    return rows[0]?.kind ?? null;
  }
}
