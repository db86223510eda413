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

/** A channel's rows for one new ticket, and who writes them. */
export interface OpeningCompanion<T = unknown> {
  writer: OpeningCompanionWriter<T>;
  value: T;
}
