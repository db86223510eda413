import type { TicketEntity } from './entities/ticket.entity.js';

/** What the SLA state is read from: the ticket's own columns. */
type SlaReadable = Pick<
  TicketEntity,
  | 'status' | 'firstResponseAt' | 'slaPolicyId' | 'firstResponseDueAt' | 'firstResponseWarnAt' | 'nextResponseStartedAt' | 'nextResponseDueAt'
  | 'nextResponseWarnAt' | 'resolutionDueAt' | 'resolutionWarnAt' | 'statutoryDueAt' | 'slaPausedSince' | 'firstResponseBreachedAt'
  | 'nextResponseBreachedAt' | 'resolutionBreachedAt' | 'statutoryBreachedAt'
>;

const isStoppedStatus = (status: TicketEntity['status']): boolean => status === 'resolved' || status === 'closed';

export type SlaState = 'ok' | 'warning' | 'breached' | 'paused' | 'none';

/**
 * The state a reader sees at `now`: `none` without SLA or once resolved or
 * closed; `breached` when a running (or, while paused, a stopped) clock is
 * past its deadline or a breach was recorded; `paused` while the clocks stand
 * still; `warning` past a warning time; otherwise `ok`.
 */
export function ticketSlaState(ticket: SlaReadable, now: Date): { state: SlaState; breached: { firstResponse: boolean; resolution: boolean; statutory: boolean } } {
  const past = (at: Date | null, when: Date) => at !== null && at <= when;
  // While paused the clocks stopped at the pause's start.
  const clock = ticket.slaPausedSince && ticket.slaPausedSince < now ? ticket.slaPausedSince : now;
  const stopped = isStoppedStatus(ticket.status);
  const breached = {
    firstResponse:
      ticket.firstResponseBreachedAt !== null ||
      (ticket.firstResponseDueAt !== null &&
        (ticket.firstResponseAt ? ticket.firstResponseAt > ticket.firstResponseDueAt : !stopped && past(ticket.firstResponseDueAt, clock))),
    resolution: ticket.resolutionBreachedAt !== null || (!stopped && past(ticket.resolutionDueAt, clock)),
    statutory: ticket.statutoryBreachedAt !== null || (!stopped && past(ticket.statutoryDueAt, now)),
  };
  if ((!ticket.slaPolicyId && !ticket.statutoryDueAt) || stopped) return { state: 'none', breached };
  const nextBreached = ticket.nextResponseStartedAt !== null && (ticket.nextResponseBreachedAt !== null || past(ticket.nextResponseDueAt, clock));
  const firstRunning = ticket.firstResponseAt === null;
  if ((firstRunning && breached.firstResponse) || nextBreached || breached.resolution || breached.statutory) return { state: 'breached', breached };
  if (ticket.slaPausedSince) return { state: 'paused', breached };
  const warned =
    (firstRunning && past(ticket.firstResponseWarnAt, now)) ||
    (ticket.nextResponseStartedAt !== null && past(ticket.nextResponseWarnAt, now)) ||
    past(ticket.resolutionWarnAt, now);
  return { state: warned ? 'warning' : 'ok', breached };
}


/** The nearest deadline still running (first response until answered, next response while awaited, resolution, statutory); null once resolved or closed. */
export function nearestDueAt(ticket: SlaReadable): Date | null {
  if (isStoppedStatus(ticket.status)) return null;
  const dues = [
    ticket.firstResponseAt === null ? ticket.firstResponseDueAt : null,
    ticket.nextResponseStartedAt !== null ? ticket.nextResponseDueAt : null,
    ticket.resolutionDueAt,
    ticket.statutoryDueAt,
  ].filter((d): d is Date => d !== null);
  return dues.length ? new Date(Math.min(...dues.map((d) => d.getTime()))) : null;
}
