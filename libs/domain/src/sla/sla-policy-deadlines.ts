import type { BusinessCalendar } from './business-calendar.js';
import { deadlineFor, type SlaPause } from './sla-deadline.js';
import { SLA_TARGET_KINDS, type SlaPolicy, type SlaTarget, type SlaTargetKind, type SlaWarning } from './sla-policy.js';

/** One target's deadline and warning time from a start. */
export interface SlaTargetDeadline extends SlaTarget {
  /** When the target is reached; null while an open pause stops the clock before then. */
  dueAt: Date | null;
  /** When to warn (see `SlaWarning`); null without a warning, or while a pause stops the clock before then. */
  warnAt: Date | null;
}

export type SlaPolicyDeadlines = Record<SlaTargetKind, SlaTargetDeadline | null>;

/**
 * The deadline of one target counted from `start`: business minutes of
 * `calendar` for a `business` target, every minute for a `calendar` one, with
 * the pauses taken out (see `deadlineFor`). The warning comes at `percent` of
 * the target, or `minutesBefore` the deadline on the target's own clock (at
 * the start when the target is shorter than that).
 */
export function slaTargetDeadline(
  target: SlaTarget,
  warning: SlaWarning,
  calendar: BusinessCalendar,
  start: Date,
  pauses: readonly SlaPause[] = [],
): SlaTargetDeadline {
  const clock = target.mode === 'business' ? calendar : null;
  const at = (targetMinutes: number) => deadlineFor({ calendar: clock, start, pauses, targetMinutes });
  let warnAt: Date | null = null;
  if (warning.percent !== undefined) warnAt = at((target.minutes * warning.percent) / 100);
  else if (warning.minutesBefore !== undefined) warnAt = at(Math.max(0, target.minutes - warning.minutesBefore));
  return { minutes: target.minutes, mode: target.mode, dueAt: at(target.minutes), warnAt };
}

/**
 * Every target of a policy counted from one start (the ticket was opened; for
 * `nextResponse`, the customer wrote): what a ticket created at `start` under
 * this policy would be due by. Null for a target the policy does not set.
 */
export function slaPolicyDeadlines(
  policy: Pick<SlaPolicy, 'firstResponse' | 'nextResponse' | 'resolution' | 'warning'>,
  calendar: BusinessCalendar,
  start: Date,
  pauses: readonly SlaPause[] = [],
): SlaPolicyDeadlines {
  const result = {} as SlaPolicyDeadlines;
  for (const kind of SLA_TARGET_KINDS) {
    const target = policy[kind];
    result[kind] = target ? slaTargetDeadline(target, policy.warning, calendar, start, pauses) : null;
  }
  return result;
}
