import type { TicketStatus } from './ticket-status.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export type CustomerReplyInput = {
  /** The ticket's current status. */
  status: TicketStatus;
  /** When the ticket was closed; null when it never was (or the value is missing). */
  closedAt: Date | null;
  /** When the customer's message arrived. */
  now: Date;
  /** How long after closing a customer reply still reopens the ticket (days of 24 hours). */
  reopenWindowDays: number;
  /** An auto-reply, bounce or mailing-list message rather than a person writing. */
  automated: boolean;
};

export type CustomerReplyOutcome =
  | { kind: 'keep' }
  | { kind: 'change'; to: TicketStatus; reopened: boolean }
  | { kind: 'new_ticket'; reason: 'reopen_window_passed' };

/**
 * What an inbound message from the customer does to the ticket it threads into.
 *
 * - `new`, `open`, `waiting_third_party`: nothing changes;
 * - `waiting_customer`: the ball is back with the team → `open`;
 * - `resolved`: reopened → `open`;
 * - `closed`: reopened → `open` while at most `reopenWindowDays` have passed since
 *   closing (exactly at the edge still counts); later, or with no known closing
 *   time, the message starts a new ticket instead;
 * - automated mail (auto-replies, bounces, mailing lists) never changes anything
 *   and never starts a new ticket, whatever the status.
 */
export function statusAfterCustomerReply(input: CustomerReplyInput): CustomerReplyOutcome {
  const { status, closedAt, now, reopenWindowDays, automated } = input;
  if (typeof reopenWindowDays !== 'number' || Number.isNaN(reopenWindowDays) || reopenWindowDays < 0) {
    throw new RangeError(`statusAfterCustomerReply: reopenWindowDays must be a number >= 0, got ${String(reopenWindowDays)}`);
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError('statusAfterCustomerReply: now must be a valid Date');
  }
  if (automated) return { kind: 'keep' };

  switch (status) {
    case 'waiting_customer':
      return { kind: 'change', to: 'open', reopened: false };
    case 'resolved':
      return { kind: 'change', to: 'open', reopened: true };
    case 'closed':
      return closedWithinWindow(closedAt, now, reopenWindowDays)
        ? { kind: 'change', to: 'open', reopened: true }
        : { kind: 'new_ticket', reason: 'reopen_window_passed' };
    default:
      return { kind: 'keep' };
  }
}

function closedWithinWindow(closedAt: Date | null, now: Date, reopenWindowDays: number): boolean {
  if (!(closedAt instanceof Date) || Number.isNaN(closedAt.getTime())) return false;
  return now.getTime() - closedAt.getTime() <= reopenWindowDays * DAY_MS;
}

/** The status after an agent's reply to the customer: answering a new ticket opens it; otherwise nothing changes. */
export function statusAfterAgentReply(status: TicketStatus): TicketStatus {
  return status === 'new' ? 'open' : status;
}
