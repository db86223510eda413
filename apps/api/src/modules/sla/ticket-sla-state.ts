import { slaTargetDeadline, type BusinessCalendar, type SlaPause, type SlaPolicy, type SlaTarget, type TicketStatus } from '@okienko/domain';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';

/** The slug of the category whose tickets carry the statutory complaint deadline. */
export const COMPLAINT_CATEGORY_SLUG = 'complaint-return';
/** 14 calendar days for the decision on a complaint (consumer law), from the ticket's creation. */
export const STATUTORY_DAYS = 14;
const DAY_MS = 86_400_000;

/** The ticket columns the SLA keeps up to date. */
export type TicketSlaColumns = Pick<
  TicketEntity,
  | 'slaPolicyId' | 'firstResponseDueAt' | 'firstResponseWarnAt' | 'nextResponseStartedAt' | 'nextResponseDueAt' | 'nextResponseWarnAt'
  | 'resolutionDueAt' | 'resolutionWarnAt' | 'statutoryDueAt' | 'slaPausedSince' | 'slaPauses' | 'firstResponseWarnedAt'
  | 'firstResponseBreachedAt' | 'nextResponseWarnedAt' | 'nextResponseBreachedAt' | 'resolutionWarnedAt' | 'resolutionBreachedAt'
  | 'statutoryBreachedAt' | 'slaNextCheckAt'
>;

/** What the SLA reads of a ticket. */
export type TicketSlaSnapshot = TicketSlaColumns & Pick<TicketEntity, 'status' | 'createdAt' | 'firstResponseAt'>;

/** A new ticket's SLA columns before anything was computed. */
export const EMPTY_TICKET_SLA: TicketSlaColumns = Object.freeze({
  slaPolicyId: null, firstResponseDueAt: null, firstResponseWarnAt: null, nextResponseStartedAt: null, nextResponseDueAt: null,
  nextResponseWarnAt: null, resolutionDueAt: null, resolutionWarnAt: null, statutoryDueAt: null, slaPausedSince: null, slaPauses: [],
  firstResponseWarnedAt: null, firstResponseBreachedAt: null, nextResponseWarnedAt: null, nextResponseBreachedAt: null,
  resolutionWarnedAt: null, resolutionBreachedAt: null, statutoryBreachedAt: null, slaNextCheckAt: null,
}) as TicketSlaColumns;

export interface TicketSlaChange {
  ticket: TicketSlaSnapshot;
  /** The policy that applies now (after the change); null: none. */
  policy: SlaPolicy | null;
  calendar: BusinessCalendar;
  /** The ticket is in the complaint category (now). */
  complaint: boolean;
  now: Date;
  /** A person (not a machine) wrote to the ticket in this change. */
  customerReplied?: boolean;
  /** When the customer's reply was stored (the next-response clock starts there); `now` when left out. */
  customerRepliedAt?: Date;
  /** An agent sent a public reply in this change. */
  agentReplied?: boolean;
}

export function isStoppedStatus(status: TicketStatus): boolean {
  return status === 'resolved' || status === 'closed';
}

/**
 * The ticket's SLA columns after a change. The clocks stand still in the
 * policy's pause statuses and once the ticket is resolved or closed; when
 * they run again, the time they stood still is a pause and the deadlines move
 * on by it (business or calendar time, as each target counts). A different
 * policy applies from now on, counted from the ticket's original start with
 * the pauses so far. While the clocks stand still the deadlines stay as they
 * were (nothing is due while waiting). The statutory deadline is 14 calendar
 * days from creation, never paused, and gone when the category changes away.
 */
export function recomputeTicketSla(change: TicketSlaChange): TicketSlaColumns {
  const { ticket, policy, calendar, now } = change;
  const stopStatuses = new Set<string>([...(policy?.pauseStatuses ?? []), 'resolved', 'closed']);
  const pauses = ticket.slaPauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to) }));
  let pausedSince = ticket.slaPausedSince;
  const wantsPause = stopStatuses.has(ticket.status);
  if (pausedSince && !wantsPause) {
    if (now > pausedSince) pauses.push({ from: pausedSince, to: now });
    pausedSince = null;
  } else if (!pausedSince && wantsPause) {
    pausedSince = now;
  }

  let nextStart = ticket.nextResponseStartedAt;
  if (change.agentReplied) nextStart = null;
  // The customer waits for an answer since their first unanswered message after the first response.
  if (change.customerReplied && ticket.firstResponseAt && policy?.nextResponse && !nextStart) nextStart = change.customerRepliedAt ?? now;
  const newCycle = nextStart !== null && nextStart !== ticket.nextResponseStartedAt;

  const out: TicketSlaColumns = {
    ...pick(ticket),
    slaPolicyId: policy?.id ?? null,
    nextResponseStartedAt: nextStart,
    slaPausedSince: pausedSince,
    slaPauses: pauses.map((p) => ({ from: p.from.toISOString(), to: p.to.toISOString() })),
  };
  if (newCycle) Object.assign(out, { nextResponseWarnedAt: null, nextResponseBreachedAt: null });
  if (!nextStart) Object.assign(out, { nextResponseDueAt: null, nextResponseWarnAt: null });

  const policyChanged = (policy?.id ?? null) !== ticket.slaPolicyId;
  if (!policy) {
    Object.assign(out, {
      firstResponseDueAt: null, firstResponseWarnAt: null, nextResponseDueAt: null, nextResponseWarnAt: null, resolutionDueAt: null, resolutionWarnAt: null,
    });
  } else if (!pausedSince || policyChanged || newCycle) {
    // Recounted while the clocks run (or the policy changed); frozen as they were while they stand still.
    const counted: SlaPause[] = [...pauses, ...(pausedSince ? [{ from: pausedSince, to: null }] : [])];
    const target = (t: SlaTarget | null, start: Date | null) => (t && start ? slaTargetDeadline(t, policy.warning, calendar, start, counted) : null);
    const first = target(policy.firstResponse, ticket.createdAt);
    const next = target(policy.nextResponse, nextStart);
    const resolution = target(policy.resolution, ticket.createdAt);
    Object.assign(out, {
      firstResponseDueAt: first?.dueAt ?? null, firstResponseWarnAt: first?.warnAt ?? null,
      nextResponseDueAt: next?.dueAt ?? null, nextResponseWarnAt: next?.warnAt ?? null,
      resolutionDueAt: resolution?.dueAt ?? null, resolutionWarnAt: resolution?.warnAt ?? null,
    });
  }

  if (change.complaint) {
    out.statutoryDueAt = ticket.statutoryDueAt ?? new Date(ticket.createdAt.getTime() + STATUTORY_DAYS * DAY_MS);
  } else {
    out.statutoryDueAt = null;
    out.statutoryBreachedAt = null;
  }
  out.slaNextCheckAt = nextSlaCheck({ ...out, status: ticket.status, firstResponseAt: ticket.firstResponseAt });
  return out;
}

/** One warning or breach that is due to be recorded. */
export interface SlaFiring {
  type: 'sla_warning' | 'sla_breached';
  target: 'firstResponse' | 'nextResponse' | 'resolution' | 'statutory';
  dueAt: Date;
  warnAt: Date | null;
}

interface TargetColumns {
  target: SlaFiring['target'];
  due: keyof TicketSlaColumns;
  warn: keyof TicketSlaColumns | null;
  warned: keyof TicketSlaColumns | null;
  breached: keyof TicketSlaColumns;
}

const TARGETS: readonly TargetColumns[] = [
  { target: 'firstResponse', due: 'firstResponseDueAt', warn: 'firstResponseWarnAt', warned: 'firstResponseWarnedAt', breached: 'firstResponseBreachedAt' },
  { target: 'nextResponse', due: 'nextResponseDueAt', warn: 'nextResponseWarnAt', warned: 'nextResponseWarnedAt', breached: 'nextResponseBreachedAt' },
  { target: 'resolution', due: 'resolutionDueAt', warn: 'resolutionWarnAt', warned: 'resolutionWarnedAt', breached: 'resolutionBreachedAt' },
  { target: 'statutory', due: 'statutoryDueAt', warn: null, warned: null, breached: 'statutoryBreachedAt' },
];

type SlaReadable = TicketSlaColumns & Pick<TicketEntity, 'status' | 'firstResponseAt'>;

/** Whether a target's clock runs: the SLA targets while not paused (first response until answered), the statutory one until resolved. */
function running(ticket: SlaReadable, target: SlaFiring['target']): boolean {
  if (isStoppedStatus(ticket.status)) return false;
  if (target === 'statutory') return true;
  if (ticket.slaPausedSince) return false;
  if (target === 'firstResponse') return ticket.firstResponseAt === null;
  if (target === 'nextResponse') return ticket.nextResponseStartedAt !== null;
  return true;
}

const dateOf = (ticket: SlaReadable, key: keyof TicketSlaColumns | null): Date | null => (key ? (ticket[key] as Date | null) : null);

/** The earliest warning or breach not recorded yet on a running clock; null: nothing pending. */
export function nextSlaCheck(ticket: SlaReadable): Date | null {
  let next: number | null = null;
  const consider = (at: Date | null) => {
    if (at && (next === null || at.getTime() < next)) next = at.getTime();
  };
  for (const t of TARGETS) {
    if (!running(ticket, t.target)) continue;
    if (!dateOf(ticket, t.breached)) consider(dateOf(ticket, t.due));
    if (t.warned && !dateOf(ticket, t.warned) && !dateOf(ticket, t.breached)) consider(dateOf(ticket, t.warn));
  }
  return next === null ? null : new Date(next);
}

/**
 * What the sweep records at `now`: each warning and breach that is due and
 * not recorded yet, and the columns that record them. A breach found before
 * its warning was recorded records the warning as passed without an event.
 */
export function dueSlaFirings(ticket: SlaReadable, now: Date): { firings: SlaFiring[]; patch: Partial<TicketSlaColumns> } {
  const firings: SlaFiring[] = [];
  const patch: Partial<TicketSlaColumns> = {};
  for (const t of TARGETS) {
    if (!running(ticket, t.target)) continue;
    const due = dateOf(ticket, t.due);
    const warn = dateOf(ticket, t.warn);
    if (due && due <= now && !dateOf(ticket, t.breached)) {
      firings.push({ type: 'sla_breached', target: t.target, dueAt: due, warnAt: warn });
      Object.assign(patch, { [t.breached]: now });
      if (t.warned && !dateOf(ticket, t.warned)) Object.assign(patch, { [t.warned]: now });
    } else if (t.warned && warn && due && warn <= now && !dateOf(ticket, t.warned) && !dateOf(ticket, t.breached)) {
      firings.push({ type: 'sla_warning', target: t.target, dueAt: due, warnAt: warn });
      Object.assign(patch, { [t.warned]: now });
    }
  }
  patch.slaNextCheckAt = nextSlaCheck({ ...ticket, ...patch });
  return { firings, patch };
}

function pick(ticket: TicketSlaSnapshot): TicketSlaColumns {
  const out = {} as Record<string, unknown>;
  for (const key of Object.keys(EMPTY_TICKET_SLA)) out[key] = (ticket as unknown as Record<string, unknown>)[key];
  return out as unknown as TicketSlaColumns;
}
