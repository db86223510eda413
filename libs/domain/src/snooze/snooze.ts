import type { TicketStatus } from '../ticket-status.js';

/** The statuses a ticket may be snoozed in: the team waits for somebody else, so it need not see the ticket until then. */
export const SNOOZABLE_STATUSES: readonly TicketStatus[] = Object.freeze(['waiting_customer', 'waiting_third_party'] as const);

export function isSnoozable(status: TicketStatus): boolean {
  return SNOOZABLE_STATUSES.includes(status);
}

/** Why a snoozed ticket woke: its time came, the customer wrote, an agent woke it, or it left the waiting statuses. */
export type WakeReason = 'time' | 'customer_replied' | 'agent' | 'status_changed';

/** What a requested snooze does to a ticket (pure: the caller writes it). */
export type SnoozePlan =
  | { kind: 'none' }
  | { kind: 'snooze'; until: Date }
  | { kind: 'wake'; reason: WakeReason }
  | { kind: 'refused'; problem: 'in_past' | 'not_waiting' };

/**
 * `requested`: the snooze asked for (undefined: none asked; null: wake it);
 * `statusAfter`: the status the ticket has after the same change.
 */
export function planSnooze(current: Date | null, requested: Date | null | undefined, statusAfter: TicketStatus, now: Date): SnoozePlan {
  if (requested === undefined) return current && !isSnoozable(statusAfter) ? { kind: 'wake', reason: 'status_changed' } : { kind: 'none' };
  if (requested === null) return current ? { kind: 'wake', reason: 'agent' } : { kind: 'none' };
  if (requested.getTime() <= now.getTime()) return { kind: 'refused', problem: 'in_past' };
  if (!isSnoozable(statusAfter)) return { kind: 'refused', problem: 'not_waiting' };
  return { kind: 'snooze', until: requested };
}
