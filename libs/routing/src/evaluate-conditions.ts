import { conditionFieldKind, operatorTakesValue } from './condition-fields.js';
import type { ConditionFieldKind } from './condition-fields.js';
import { CUSTOMER_FIELD_PREFIX, isConditionGroup } from './rule.js';
import type { Condition, ConditionGroup, ConditionOperator, ConditionValue } from './rule.js';
import { compileSafeRegexCached, execSafeRegex } from './safe-regex.js';
import { textContains, textContainsAnyWord, textIs, textStartsWith } from './text-matchers.js';
import type { TicketFacts } from './ticket-facts.js';

/** How one condition was judged. */
export interface ConditionResultExplanation {
  type: 'condition';
  field: string;
  operator: string;
  /** The value the rule asked for, as text (null for is_empty / is_not_empty). */
  expected: string | null;
  /** The ticket's value, shortened for display. */
  actual: string;
  matched: boolean;
  /** What matched (the word, the regex match) or why the condition could not be judged. */
  note?: string;
}

/** How a group was judged, with its members. */
export interface ConditionGroupExplanation {
  type: 'group';
  match: 'all' | 'any';
  matched: boolean;
  items: ConditionExplanation[];
}

export type ConditionExplanation = ConditionResultExplanation | ConditionGroupExplanation;

export interface ConditionsEvaluation {
  matched: boolean;
  /** One item per member of the top-level group (nested groups carry their own items). */
  explanation: ConditionExplanation[];
}

/** Deeper groups than this are not evaluated (they do not match). */
export const MAX_CONDITION_DEPTH = 10;
const SHORT_LENGTH = 80;

/**
 * Evaluates a condition group against the facts. Every member is evaluated (no
 * short-circuit) so the explanation is complete. An empty group matches. A
 * condition that cannot be judged (unknown field or operator, missing or
 * invalid value, unsafe regex) does not match, whatever its operator, so a
 * broken rule never fires by accident.
 */
export function evaluateConditions(group: ConditionGroup, facts: TicketFacts): ConditionsEvaluation {
  const result = evaluateGroup(group, facts, 1);
  return { matched: result.matched, explanation: result.items };
}

function evaluateGroup(group: ConditionGroup, facts: TicketFacts, depth: number): ConditionGroupExplanation {
  const match = group?.match === 'any' ? 'any' : 'all';
  const members = Array.isArray(group?.conditions) ? group.conditions : [];
  if (depth > MAX_CONDITION_DEPTH) return { type: 'group', match, matched: false, items: [] };
  const items = members.map((c) =>
    isConditionGroup(c) ? evaluateGroup(c, facts, depth + 1) : evaluateCondition(c, facts),
  );
  const matched =
    items.length === 0 || (match === 'all' ? items.every((i) => i.matched) : items.some((i) => i.matched));
  return { type: 'group', match, matched, items };
}

type FieldValue =
  | { kind: 'text'; value: string }
  | { kind: 'list'; value: readonly string[] }
  | { kind: 'id'; value: string | null }
  | { kind: 'boolean'; value: boolean };

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function strList(v: unknown): readonly string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function senderDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).trim().toLowerCase();
}

function customerField(facts: TicketFacts, name: string): string {
  const fields = facts.customerFields ?? {};
  if (Object.prototype.hasOwnProperty.call(fields, name)) return str(fields[name]);
  const key = Object.keys(fields).find((k) => textIs(k, name));
  return key === undefined ? '' : str(fields[key]);
}

function readField(field: string, kind: ConditionFieldKind, facts: TicketFacts): FieldValue {
  if (field.startsWith(CUSTOMER_FIELD_PREFIX)) {
    return { kind: 'text', value: customerField(facts, field.slice(CUSTOMER_FIELD_PREFIX.length)) };
  }
  switch (field) {
    case 'inbound_address': return { kind: 'list', value: strList(facts.inboundAddresses) };
    case 'sender_address': return { kind: 'text', value: str(facts.senderAddress) };
    case 'sender_domain': return { kind: 'text', value: senderDomain(str(facts.senderAddress)) };
    case 'subject': return { kind: 'text', value: str(facts.subject) };
    case 'body': return { kind: 'text', value: str(facts.body) };
    case 'channel': return { kind: 'id', value: facts.channel || null };
    case 'customer_tag': return { kind: 'list', value: strList(facts.customerTags) };
    case 'category': return { kind: 'id', value: facts.categoryId || null };
    case 'priority': return { kind: 'id', value: facts.priority || null };
    case 'status': return { kind: 'id', value: facts.status || null };
    case 'queue': return { kind: 'id', value: facts.queueId || null };
    case 'assignee': return { kind: 'id', value: facts.assigneeId || null };
    case 'tag': return { kind: 'list', value: strList(facts.tags) };
    case 'has_attachments': return { kind: 'boolean', value: facts.hasAttachments === true };
    case 'business_hours': return { kind: 'boolean', value: facts.withinBusinessHours === true };
  }
  // Unreachable for known fields; keeps the compiler honest.
  return kind === 'list' ? { kind, value: [] } : { kind: 'text', value: '' };
}

function shorten(s: string): string {
  // Only the start is shown: do not flatten a whole 100 KB body to display 80 characters.
  const flat = s.slice(0, SHORT_LENGTH * 4).replace(/\s+/gu, ' ').trim();
  return flat.length > SHORT_LENGTH ? `${flat.slice(0, SHORT_LENGTH - 1)}…` : flat;
}

function describeActual(v: FieldValue): string {
  switch (v.kind) {
    case 'text': return shorten(v.value);
    case 'list': return shorten(v.value.join(', '));
    case 'id': return v.value ?? '';
    case 'boolean': return String(v.value);
  }
}

function describeExpected(value: ConditionValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return shorten(value.join(', '));
  return shorten(String(value));
}

/**
 * The values a condition compares with. A list means "any of these". For
 * `contains_any_word` a single string is a comma-, semicolon- or newline-separated
 * list. Blank entries are dropped.
 */
export function conditionNeedles(operator: ConditionOperator, value: ConditionValue | undefined): string[] {
  let raw: readonly unknown[];
  if (Array.isArray(value)) raw = value;
  else if (typeof value === 'string') raw = operator === 'contains_any_word' ? value.split(/[,;\r\n]+/u) : [value];
  else return [];
  return raw.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
}

/** `true`/`false` (or their spellings as text), or null. */
export function conditionBoolean(value: ConditionValue | undefined): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'yes' || v === 'tak') return true;
    if (v === 'false' || v === 'no' || v === 'nie') return false;
  }
  return null;
}

const NEGATED: Partial<Record<ConditionOperator, ConditionOperator>> = {
  is_not: 'is',
  not_contains: 'contains',
  is_not_empty: 'is_empty',
};

interface Verdict {
  matched: boolean;
  note?: string;
}

function evaluateCondition(condition: Condition, facts: TicketFacts): ConditionResultExplanation {
  const field = String(condition?.field ?? '');
  const operator = String(condition?.operator ?? '') as ConditionOperator;
  const expected = operatorTakesValue(operator) ? describeExpected(condition?.value) : null;
  const base = { type: 'condition' as const, field, operator, expected };
  const kind = conditionFieldKind(field);
  if (!kind) return { ...base, actual: '', matched: false, note: `unknown field "${field}"` };
  const actual = readField(field, kind, facts);
  const verdict = judge(kind, operator, condition.value, actual);
  return { ...base, actual: describeActual(actual), ...verdict };
}

function judge(kind: ConditionFieldKind, operator: ConditionOperator, value: ConditionValue | undefined, actual: FieldValue): Verdict {
  const positive = NEGATED[operator];
  if (positive) {
    const v = judge(kind, positive, value, actual);
    // A condition that could not be judged stays unmatched when negated.
    return v.note?.startsWith('cannot judge') ? v : { matched: !v.matched, note: v.note };
  }
  if (operator === 'is_empty') {
    switch (actual.kind) {
      case 'text': return { matched: textIs(actual.value, '') };
      case 'list': return { matched: actual.value.every((x) => textIs(x, '')) };
      case 'id': return { matched: actual.value === null || actual.value.trim() === '' };
      case 'boolean': return { matched: false, note: 'cannot judge: a yes/no field is never empty' };
    }
  }
  if (actual.kind === 'boolean') {
    if (operator !== 'is') return { matched: false, note: `cannot judge: operator "${operator}" does not apply to a yes/no field` };
    const want = conditionBoolean(value);
    if (want === null) return { matched: false, note: 'cannot judge: the value must be true or false' };
    return { matched: actual.value === want };
  }
  const needles = conditionNeedles(operator, value);
  if (needles.length === 0) return { matched: false, note: 'cannot judge: no value to compare with' };
  if (actual.kind === 'id') {
    if (operator !== 'is') return { matched: false, note: `cannot judge: operator "${operator}" does not apply to this field` };
    const current = actual.value;
    return { matched: current !== null && needles.some((n) => textIs(current, n)) };
  }
  const texts = actual.kind === 'text' ? [actual.value] : actual.value;
  return matchTexts(operator, needles, texts);
}

function matchTexts(operator: ConditionOperator, needles: readonly string[], texts: readonly string[]): Verdict {
  switch (operator) {
    case 'is':
      return firstHit(needles, texts, textIs);
    case 'contains':
      return firstHit(needles, texts, textContains);
    case 'starts_with':
      return firstHit(needles, texts, textStartsWith);
    case 'contains_any_word':
      return firstHit(needles, texts, (t, n) => textContainsAnyWord(t, [n]));
    case 'matches_regex': {
      for (const pattern of needles) {
        const compiled = compileSafeRegexCached(pattern);
        if (!compiled.ok) return { matched: false, note: `cannot judge: unsafe or invalid regex (${compiled.reason})` };
        for (const t of texts) {
          const m = execSafeRegex(compiled, t);
          if (m !== null) return { matched: true, note: `matched "${shorten(m)}"` };
        }
      }
      return { matched: false };
    }
    default:
      return { matched: false, note: `cannot judge: unknown operator "${operator}"` };
  }
}

function firstHit(
  needles: readonly string[],
  texts: readonly string[],
  test: (text: string, needle: string) => boolean,
): Verdict {
  for (const n of needles) {
    if (texts.some((t) => test(t, n))) return { matched: true, note: needles.length > 1 ? `matched "${shorten(n)}"` : undefined };
  }
  return { matched: false };
}
