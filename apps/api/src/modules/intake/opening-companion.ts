import type { EntityManager } from 'typeorm';
import type { InsertedInboundTicket } from './opening-statement.repository.js';

/**
 * What a channel writes with the new tickets of its messages on the
 * one-statement path (a web form's submission row, status link and
 * confirmation mail), in the transaction that writes the tickets: the rows of
 * a whole batch in one call, so one round trip serves many messages.
 */
export interface OpeningCompanionWriter<T> {
  write(manager: EntityManager, opened: readonly OpenedWithCompanion<T>[]): Promise<void>;
}

export interface OpenedWithCompanion<T> {
  ticket: InsertedInboundTicket;
  value: T;
}

/**
 * What a channel writes with the new tickets of its messages as a part of the
 * intake's one statement itself (no transaction, no round trip of its own):
 * `sql` is one data-modifying statement ending in `RETURNING 1`, reading the
 * batch's rows from `$3::json` (those `rows` makes of the opened tickets and
 * the companions' values). `key` names the part in the prepared statement.
 */
export interface OpeningStatementPart<T> {
  key: string;
  sql: string;
  rows(opened: readonly { ticketId: string; value: T }[]): unknown[];
}

/** A channel's rows for one new ticket, and who writes them: a writer in the tickets' transaction, or a part of their statement. */
export type OpeningCompanion<T = unknown> = { writer: OpeningCompanionWriter<T>; value: T } | { part: OpeningStatementPart<T>; value: T };
