import { TICKET_CHANNELS } from '../ticket-channel.js';
import { TICKET_PRIORITIES } from '../ticket-priority.js';
import {
  MAX_SLA_TARGET_MINUTES, SLA_CONDITION_FIELDS, SLA_PAUSE_STATUSES, SLA_TARGET_KINDS, SLA_TARGET_MODES, type SlaTargetKind,
} from './sla-policy.js';

/** Something wrong in a policy: where (`firstResponse.minutes`) and what, in words an admin understands. */
export interface SlaPolicyProblem {
  /** The place in the policy, e.g. `name`, `conditions.priorities[1]`, `firstResponse.minutes`, `warning`; empty for the policy as a whole. */
  path: string;
  /** A sentence that starts with the place, e.g. `firstResponse.minutes: 0 is not a whole number of minutes from 1 to 527040`. */
  message: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NAME_LENGTH = 200;
const MAX_CONDITION_VALUES = 500;
const MAX_TAG_LENGTH = 50;

/**
 * Every problem of a policy (untrusted input: a request body merged with the
 * stored policy, a database row), in the order of its fields; an empty list
 * means it is valid. Expects `name`, `conditions` (an object, `{}` for every
 * ticket), the three targets (each `{ minutes, mode }` or null), `calendarId`
 * (an id or null), `pauseStatuses` (a list) and `warning` (an object, `{}` for
 * none); `enabled` and `order` are checked when present. Unknown fields inside
 * conditions, targets and the warning are problems too. Whether the ids name
 * existing queues, categories and calendars is for the caller to check.
 */
export function validateSlaPolicy(policy: unknown): SlaPolicyProblem[] {
  const problems: SlaPolicyProblem[] = [];
  const add = (path: string, text: string) => problems.push({ path, message: path ? `${path}: ${text}` : text });
  if (!isRecord(policy)) {
    add('', 'a policy must be an object with name, conditions, firstResponse, nextResponse, resolution, calendarId, pauseStatuses and warning');
    return problems;
  }

  if (typeof policy.name !== 'string' || policy.name.trim() === '') add('name', 'is required: a name admins and agents know the policy by');
  else if (policy.name.length > MAX_NAME_LENGTH) add('name', `is longer than ${MAX_NAME_LENGTH} characters`);

  if (policy.enabled !== undefined && typeof policy.enabled !== 'boolean') add('enabled', 'must be true or false');
  if (policy.order !== undefined && !(Number.isInteger(policy.order) && (policy.order as number) >= 0 && (policy.order as number) <= 1_000_000)) {
    add('order', `${JSON.stringify(policy.order) ?? 'nothing'} is not a whole number from 0 to 1000000`);
  }

  checkConditions(policy.conditions, add);

  for (const kind of SLA_TARGET_KINDS) checkTarget(kind, policy[kind], add);
  checkTargetOrder(policy, add);

  if (policy.calendarId !== null && !(typeof policy.calendarId === 'string' && UUID.test(policy.calendarId))) {
    add('calendarId', `${JSON.stringify(policy.calendarId) ?? 'nothing'} is not a calendar id; use null for the default calendar`);
  }

  if (!Array.isArray(policy.pauseStatuses)) {
    add('pauseStatuses', `must be a list of statuses the clocks stand still in (${SLA_PAUSE_STATUSES.join(', ')}); it may be empty`);
  } else {
    const seen = new Set<unknown>();
    policy.pauseStatuses.forEach((status: unknown, index: number) => {
      const path = `pauseStatuses[${index}]`;
      if (!(SLA_PAUSE_STATUSES as readonly unknown[]).includes(status)) {
        add(path, `${JSON.stringify(status) ?? 'nothing'} is not a status the clock can pause in; use ${SLA_PAUSE_STATUSES.join(' or ')}`);
      } else if (seen.has(status)) add(path, `${status as string} is listed twice`);
      seen.add(status);
    });
  }

  checkWarning(policy.warning, add);
  return problems;
}

function checkConditions(conditions: unknown, add: (path: string, text: string) => void): void {
  if (!isRecord(conditions)) {
    add('conditions', 'must be an object such as { "priorities": ["urgent", "high"] }; {} covers every ticket');
    return;
  }
  for (const key of Object.keys(conditions)) {
    if (!(SLA_CONDITION_FIELDS as readonly string[]).includes(key)) {
      add(`conditions.${key}`, `is not a condition; use ${SLA_CONDITION_FIELDS.join(', ')}`);
    }
  }
  for (const field of SLA_CONDITION_FIELDS) {
    const list = conditions[field];
    if (list === undefined) continue;
    const path = `conditions.${field}`;
    if (!Array.isArray(list)) {
      add(path, 'must be a list (an empty list or leaving it out covers every ticket)');
      continue;
    }
    if (list.length > MAX_CONDITION_VALUES) {
      add(path, `has more than ${MAX_CONDITION_VALUES} values`);
      continue;
    }
    const seen = new Set<string>();
    list.forEach((value: unknown, index: number) => {
      const itemPath = `${path}[${index}]`;
      const problem = conditionValueProblem(field, value);
      if (problem) add(itemPath, problem);
      else {
        const key = (value as string).trim().toLocaleLowerCase('pl');
        if (seen.has(key)) add(itemPath, `${JSON.stringify(value)} is listed twice`);
        seen.add(key);
      }
    });
  }
}

function conditionValueProblem(field: (typeof SLA_CONDITION_FIELDS)[number], value: unknown): string | null {
  const shown = JSON.stringify(value) ?? 'nothing';
  switch (field) {
    case 'queueIds':
      return typeof value === 'string' && UUID.test(value) ? null : `${shown} is not a queue id`;
    case 'categoryIds':
      return typeof value === 'string' && UUID.test(value) ? null : `${shown} is not a category id`;
    case 'priorities':
      return (TICKET_PRIORITIES as readonly unknown[]).includes(value) ? null : `${shown} is not a priority; use ${TICKET_PRIORITIES.join(', ')}`;
    case 'channels':
      return (TICKET_CHANNELS as readonly unknown[]).includes(value) ? null : `${shown} is not a channel; use ${TICKET_CHANNELS.join(', ')}`;
    case 'customerTags':
      if (typeof value !== 'string' || value.trim() === '') return `${shown} is not a tag; write the tag's text`;
      return value.length > MAX_TAG_LENGTH ? `${shown} is longer than ${MAX_TAG_LENGTH} characters` : null;
  }
}

function checkTarget(kind: SlaTargetKind, target: unknown, add: (path: string, text: string) => void): void {
  if (target === null) return;
  if (!isRecord(target)) {
    add(kind, 'must be { "minutes": 480, "mode": "business" } or null for no target');
    return;
  }
  for (const key of Object.keys(target)) {
    if (key !== 'minutes' && key !== 'mode') add(`${kind}.${key}`, 'is not a field of a target; a target has minutes and mode');
  }
  if (!isWholeMinutes(target.minutes)) {
    add(`${kind}.minutes`, `${JSON.stringify(target.minutes) ?? 'nothing'} is not a whole number of minutes from 1 to ${MAX_SLA_TARGET_MINUTES}`);
  }
  if (!(SLA_TARGET_MODES as readonly unknown[]).includes(target.mode)) {
    add(`${kind}.mode`, `must be "business" (working time of the calendar) or "calendar" (every minute), got ${JSON.stringify(target.mode) ?? 'nothing'}`);
  }
}

/** A resolution due before the first answer makes no sense (comparable only on the same clock). */
function checkTargetOrder(policy: Record<string, unknown>, add: (path: string, text: string) => void): void {
  const first = policy.firstResponse;
  const resolution = policy.resolution;
  if (!isRecord(first) || !isRecord(resolution) || first.mode !== resolution.mode) return;
  if (isWholeMinutes(first.minutes) && isWholeMinutes(resolution.minutes) && resolution.minutes < first.minutes) {
    add('resolution.minutes', `${resolution.minutes} is less than firstResponse.minutes (${first.minutes}); a ticket cannot be due to be resolved before its first answer`);
  }
}

function checkWarning(warning: unknown, add: (path: string, text: string) => void): void {
  if (!isRecord(warning)) {
    add('warning', 'must be { "percent": 80 }, { "minutesBefore": 30 } or {} for no warning');
    return;
  }
  for (const key of Object.keys(warning)) {
    if (key !== 'percent' && key !== 'minutesBefore') add(`warning.${key}`, 'is not a field of a warning; use percent or minutesBefore');
  }
  const { percent, minutesBefore } = warning;
  if (percent !== undefined && !(typeof percent === 'number' && Number.isFinite(percent) && percent >= 1 && percent <= 99)) {
    add('warning.percent', `${JSON.stringify(percent) ?? 'nothing'} is not a share of the target from 1 to 99 (per cent)`);
  }
  if (minutesBefore !== undefined && !isWholeMinutes(minutesBefore)) {
    add('warning.minutesBefore', `${JSON.stringify(minutesBefore) ?? 'nothing'} is not a whole number of minutes from 1 to ${MAX_SLA_TARGET_MINUTES}`);
  }
  if (percent !== undefined && minutesBefore !== undefined) {
    add('warning', 'give percent or minutesBefore, not both');
  }
}

function isWholeMinutes(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_SLA_TARGET_MINUTES;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
