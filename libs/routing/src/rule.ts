import type { SurveyKind, TicketPriority, TicketStatus } from '@okienko/domain';

/** What makes the engine look at a ticket. The last three are fired by the scheduler. */
export const RULE_TRIGGERS = [
  'ticket_created',
  'customer_replied',
  'agent_replied',
  'status_changed',
  'ticket_closed',
  'time_in_status',
  'sla_before_deadline',
  'sla_after_deadline',
] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

/** Triggers that fire on elapsed time and therefore carry `triggerParams.hours`. */
export const TIME_TRIGGERS: readonly RuleTrigger[] = Object.freeze([
  'time_in_status',
  'sla_before_deadline',
  'sla_after_deadline',
] as const);

/**
 * Parameters of the time triggers: `time_in_status` needs `status` and `hours`
 * ("3 days waiting for the customer" = `{ status: 'waiting_customer', hours: 72 }`);
 * the SLA triggers need `hours` before / after the deadline.
 */
export interface RuleTriggerParams {
  hours?: number;
  status?: TicketStatus;
}

/** Fields with a fixed name; `customer_field:<name>` and `form.<name>` are the open-ended families. */
export const STATIC_CONDITION_FIELDS = [
  'inbound_address',
  'sender_address',
  'sender_domain',
  'subject',
  'body',
  'channel',
  'customer_tag',
  'category',
  'priority',
  'status',
  'queue',
  'assignee',
  'tag',
  'has_attachments',
  'business_hours',
  /** The status of the customer's order the ticket is about (the pinned, else the mentioned, else the newest one) in the connected shops. */
  'order_status',
  /** The marketplace a ticket came from: `allegro` (its message centre) or `amazon` (buyer messages through Amazon's relay addresses); empty otherwise. */
  'marketplace',
] as const;
export type StaticConditionField = (typeof STATIC_CONDITION_FIELDS)[number];

/** The marketplaces the `marketplace` field names. */
export const MARKETPLACES = ['allegro', 'amazon'] as const;
export type Marketplace = (typeof MARKETPLACES)[number];
export const CUSTOMER_FIELD_PREFIX = 'customer_field:';
/** `form.<name>`: the value of the field of that name in the web form the ticket came from (empty for other tickets). */
export const FORM_FIELD_PREFIX = 'form.';
export type ConditionField = StaticConditionField | `customer_field:${string}` | `form.${string}`;

export const CONDITION_OPERATORS = [
  'is',
  'is_not',
  'contains',
  'not_contains',
  'contains_any_word',
  'starts_with',
  'matches_regex',
  'is_empty',
  'is_not_empty',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/**
 * What a condition compares with. Text operators take a string; `contains_any_word`
 * also takes a list (or a comma/newline-separated string); `is`/`is_not` on
 * identifier fields take one id or a list ("is one of"); the boolean fields take
 * `true`/`false`; `is_empty`/`is_not_empty` take nothing.
 */
export type ConditionValue = string | readonly string[] | boolean;

export interface Condition {
  field: ConditionField;
  operator: ConditionOperator;
  value?: ConditionValue;
}

/** `all` = every condition must hold, `any` = at least one. An empty group always holds. */
export interface ConditionGroup {
  match: 'all' | 'any';
  conditions: readonly (Condition | ConditionGroup)[];
}

export type NotifyTarget = 'assignee' | 'queue' | 'lead' | 'user';

export type RuleAction =
  | { type: 'set_queue'; queueId: string }
  | { type: 'set_category'; categoryId: string }
  | { type: 'set_priority'; priority: TicketPriority }
  | { type: 'set_status'; status: TicketStatus }
  | { type: 'assign'; userId: string }
  | { type: 'assign_by_strategy' }
  | { type: 'add_tag'; tag: string }
  | { type: 'remove_tag'; tag: string }
  | { type: 'add_note'; body: string }
  | { type: 'reply_with_template'; templateId: string }
  | { type: 'notify'; target: NotifyTarget; userId?: string }
  | { type: 'forward_copy'; address: string }
  | { type: 'call_webhook'; url: string }
  | { type: 'send_survey'; kind: SurveyKind }
  | { type: 'close' };

export type RuleActionType = RuleAction['type'];

export const RULE_ACTION_TYPES: readonly RuleActionType[] = Object.freeze([
  'set_queue',
  'set_category',
  'set_priority',
  'set_status',
  'assign',
  'assign_by_strategy',
  'add_tag',
  'remove_tag',
  'add_note',
  'reply_with_template',
  'notify',
  'forward_copy',
  'call_webhook',
  'send_survey',
  'close',
] as const);

/** Actions that cannot be applied to the facts and must be carried out by the caller. */
export type RuleSideEffectAction = Extract<
  RuleAction,
  { type: 'assign_by_strategy' | 'add_note' | 'reply_with_template' | 'notify' | 'forward_copy' | 'call_webhook' | 'send_survey' }
>;

export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  /** Rules of one trigger run in ascending `order` (ties: by id). */
  order: number;
  trigger: RuleTrigger;
  triggerParams?: RuleTriggerParams;
  conditions: ConditionGroup;
  actions: readonly RuleAction[];
  /** When the rule matches, no later rule of the same run is evaluated. */
  stopProcessing: boolean;
}

/** Tells a nested group from a single condition. */
export function isConditionGroup(c: Condition | ConditionGroup): c is ConditionGroup {
  return typeof c === 'object' && c !== null && Array.isArray((c as ConditionGroup).conditions);
}
