import type { TicketChannel } from '../ticket-channel.js';
import type { TicketPriority } from '../ticket-priority.js';

/**
 * An SLA policy: which tickets it covers (conditions), how soon they must be
 * answered and resolved (targets), on which clock, when that clock stands
 * still, and when to warn. Policies are tried in ascending `order`; the first
 * enabled one whose conditions hold applies (see `matchSlaPolicy`). Plain data,
 * stored as JSON and edited by admins; check it with `validateSlaPolicy`.
 */
export interface SlaPolicy {
  id: string;
  name: string;
  enabled: boolean;
  /** Policies are tried in ascending order; the first that matches applies. */
  order: number;
  conditions: SlaConditions;
  /** The first answer to the customer after the ticket was opened; null: no target. */
  firstResponse: SlaTarget | null;
  /** The next answer after each reply of the customer; null: no target. */
  nextResponse: SlaTarget | null;
  /** Resolving the ticket; null: no target. */
  resolution: SlaTarget | null;
  /** The calendar business-time targets count on; null: the default calendar. */
  calendarId: string | null;
  /** Ticket statuses in which the clocks stand still (waiting for the customer, a supplier, a courier). */
  pauseStatuses: readonly SlaPauseStatus[];
  /** When to warn before a deadline; an empty object: no warning. */
  warning: SlaWarning;
}

/**
 * Which tickets a policy covers. Every list that is present and not empty must
 * hold (a ticket's value is one of the list); a list left out or empty holds
 * for every ticket, so `{}` covers them all (a catch-all).
 */
export interface SlaConditions {
  queueIds?: readonly string[];
  categoryIds?: readonly string[];
  priorities?: readonly TicketPriority[];
  channels?: readonly TicketChannel[];
  /** The customer carries at least one of these tags (letter case does not matter). */
  customerTags?: readonly string[];
}

export const SLA_CONDITION_FIELDS = Object.freeze(['queueIds', 'categoryIds', 'priorities', 'channels', 'customerTags'] as const);

export type SlaConditionField = (typeof SLA_CONDITION_FIELDS)[number];

/** `business`: minutes of the calendar's working time; `calendar`: every minute, nights, weekends and holidays included. */
export const SLA_TARGET_MODES = Object.freeze(['business', 'calendar'] as const);

export type SlaTargetMode = (typeof SLA_TARGET_MODES)[number];

/** How long something may take: `{ minutes: 480, mode: 'business' }` is one working day of 8 hours. */
export interface SlaTarget {
  minutes: number;
  mode: SlaTargetMode;
}

export const SLA_TARGET_KINDS = Object.freeze(['firstResponse', 'nextResponse', 'resolution'] as const);

export type SlaTargetKind = (typeof SLA_TARGET_KINDS)[number];

/** Statuses a policy may pause its clocks in; resolved and closed tickets have no running clock anyway. */
export const SLA_PAUSE_STATUSES = Object.freeze(['waiting_customer', 'waiting_third_party'] as const);

export type SlaPauseStatus = (typeof SLA_PAUSE_STATUSES)[number];

/**
 * When a ticket counts as close to its deadline: at `percent` of the target
 * (80: after 80 % of the time is used up) or `minutesBefore` the deadline,
 * counted on the target's own clock. One of them, or neither (no warning).
 */
export interface SlaWarning {
  percent?: number;
  minutesBefore?: number;
}

/** What a policy is matched against: the ticket's fields and its customer's tags. */
export interface SlaTicketFacts {
  queueId: string | null;
  categoryId: string | null;
  priority: TicketPriority;
  channel: TicketChannel;
  customerTags: readonly string[];
}

/** The longest target: 366 days of minutes. */
export const MAX_SLA_TARGET_MINUTES = 366 * 24 * 60;
