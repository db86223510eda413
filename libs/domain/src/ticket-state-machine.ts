import { isTicketStatus, type TicketStatus } from './ticket-status.js';

/**
 * Status changes an agent (or an integrator through the API) may make.
 * `new` is only ever the initial status: nothing moves back into it.
 * Leaving `resolved` or `closed` for `open` is a reopen.
 */
const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = Object.freeze({
  new: Object.freeze(['open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed'] as const),
  open: Object.freeze(['waiting_customer', 'waiting_third_party', 'resolved', 'closed'] as const),
  waiting_customer: Object.freeze(['open', 'waiting_third_party', 'resolved', 'closed'] as const),
  waiting_third_party: Object.freeze(['open', 'waiting_customer', 'resolved', 'closed'] as const),
  resolved: Object.freeze(['open', 'closed'] as const),
  closed: Object.freeze(['open'] as const),
});

const NOTHING: readonly TicketStatus[] = Object.freeze([]);

export type StatusChangePlan =
  | {
      ok: true;
      status: TicketStatus;
      /** True when a resolved or closed ticket goes back to open. */
      reopened: boolean;
      /** Absent: leave as is; a Date: set it; null: clear it. */
      resolvedAt?: Date | null;
      /** Absent: leave as is; a Date: set it; null: clear it. */
      closedAt?: Date | null;
    }
  | {
      ok: false;
      /** `same_status`: the ticket already has that status; `not_allowed`: the move is forbidden. */
      reason: 'same_status' | 'not_allowed';
      /** Where the ticket may go from its current status (for the error message and the UI). */
      allowed: readonly TicketStatus[];
    };

/** The statuses a ticket in `from` may be moved to by hand, in display order. */
export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return isTicketStatus(from) ? TRANSITIONS[from] : NOTHING;
}

/** Whether a ticket in `from` may be moved to `to`. Staying in the same status is not a move. */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return allowedTransitions(from).includes(to);
}

/**
 * Decides what changing a ticket's status from `from` to `to` at `now` means:
 * whether it is allowed, whether it is a reopen and which timestamps change.
 *
 * - to `resolved`: resolvedAt = now;
 * - to `closed`: closedAt = now, and resolvedAt = now unless the ticket was already
 *   resolved (closing an unresolved ticket resolves it at the same moment);
 * - `resolved`/`closed` → `open` (a reopen): resolvedAt and closedAt are cleared;
 * - any other move leaves both timestamps untouched (the keys are absent).
 */
export function planStatusChange(from: TicketStatus, to: TicketStatus, now: Date): StatusChangePlan {
  const allowed = allowedTransitions(from);
  if (from === to) return { ok: false, reason: 'same_status', allowed };
  if (!allowed.includes(to)) return { ok: false, reason: 'not_allowed', allowed };
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new RangeError('planStatusChange: now must be a valid Date');
  }

  if (to === 'resolved') return { ok: true, status: to, reopened: false, resolvedAt: now };
  if (to === 'closed') {
    return from === 'resolved'
      ? { ok: true, status: to, reopened: false, closedAt: now }
      : { ok: true, status: to, reopened: false, resolvedAt: now, closedAt: now };
  }
  if (from === 'resolved' || from === 'closed') {
    return { ok: true, status: to, reopened: true, resolvedAt: null, closedAt: null };
  }
  return { ok: true, status: to, reopened: false };
}
