/**
 * How a queue hands out new tickets: `manual` (nobody is picked; agents take
 * tickets themselves), `round_robin` (members in turn) or `least_open` (the
 * member with the fewest open tickets).
 */
export const ASSIGNMENT_STRATEGIES = ['manual', 'round_robin', 'least_open'] as const;

export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/** Narrows untrusted input (JSON bodies, database rows) to an assignment strategy. */
export function isAssignmentStrategy(v: unknown): v is AssignmentStrategy {
  return typeof v === 'string' && (ASSIGNMENT_STRATEGIES as readonly string[]).includes(v);
}

/** A member of the queue as the picker needs to know them. */
export interface AssignmentCandidate {
  id: string;
  name: string;
  /** Inactive users cannot sign in and never get tickets. */
  active: boolean;
  /** Absent users (leave, sick) never get tickets. */
  absent: boolean;
  /** Tickets assigned to them in an unresolved status, in any queue. */
  openTickets: number;
}

export interface PickAssigneeInput {
  strategy: AssignmentStrategy;
  /** The queue's members, in any order. */
  candidates: readonly AssignmentCandidate[];
  /** Members with this many open tickets or more get none; null: no cap. */
  maxOpenPerAgent: number | null;
  /**
   * Round-robin: who got the queue's previous ticket, with their current name
   * (they may have left the queue since: their place in the order still counts);
   * null when nobody has been picked yet.
   */
  lastAssigned: { id: string; name: string } | null;
}

/** The order members take turns in and ties are broken by: name (Polish alphabet), then id. */
export function compareCandidates(a: { id: string; name: string }, b: { id: string; name: string }): number {
  return a.name.localeCompare(b.name, 'pl') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether the member may get another ticket: active, present and below the cap. */
export function canTakeTicket(candidate: AssignmentCandidate, maxOpenPerAgent: number | null): boolean {
  return candidate.active && !candidate.absent && (maxOpenPerAgent === null || candidate.openTickets < maxOpenPerAgent);
}

/**
 * The member who gets the next ticket of a queue, or null: the strategy is
 * manual, or no member may take a ticket now (the ticket then waits in the
 * queue unassigned). Deterministic: the same input always picks the same member.
 *
 * - `round_robin`: the first member who may take a ticket after `lastAssigned`
 *   in name order, wrapping around; members who may not are skipped, not lost
 *   (their turn comes when they are back).
 * - `least_open`: the member with the fewest open tickets; ties go by name, then id.
 */
export function pickAssignee(input: PickAssigneeInput): string | null {
  if (input.strategy === 'manual') return null;
  const eligible = input.candidates.filter((c) => canTakeTicket(c, input.maxOpenPerAgent)).sort(compareCandidates);
  if (!eligible.length) return null;

  if (input.strategy === 'least_open') {
    return eligible.reduce((best, c) => (c.openTickets < best.openTickets ? c : best)).id;
  }

  const last = input.lastAssigned;
  if (!last) return eligible[0].id;
  return (eligible.find((c) => compareCandidates(c, last) > 0) ?? eligible[0]).id;
}
