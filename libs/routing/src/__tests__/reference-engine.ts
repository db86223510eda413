/**
 * The rule engine as it was before it was made faster (one normalisation per
 * condition, no compilation), kept verbatim as the oracle of the equivalence
 * tests: the optimised engine must give, for any rules and facts, exactly the
 * results and explanations this one gives. Self-contained on purpose (its own
 * normalisation, text matchers and regex windows), so a change to the shared
 * helpers cannot make both sides wrong in the same way. Only for tests.
 */
import { conditionFieldKind, operatorTakesValue } from '../condition-fields.js';
import type { ConditionFieldKind } from '../condition-fields.js';
import { conditionBoolean, conditionNeedles, MAX_CONDITION_DEPTH } from '../evaluate-conditions.js';
import type {
  ConditionGroupExplanation,
  ConditionResultExplanation,
  ConditionsEvaluation,
} from '../evaluate-conditions.js';
import { CUSTOMER_FIELD_PREFIX, isConditionGroup, TIME_TRIGGERS } from '../rule.js';
import type { Condition, ConditionGroup, ConditionOperator, ConditionValue, Rule, RuleAction, RuleSideEffectAction, RuleTrigger } from '../rule.js';
import type { FactChange, RuleRunResult, RuleTiming } from '../run-rules.js';
import { compileSafeRegex } from '../safe-regex.js';
import type { CompileSafeRegexResult, SafeRegex } from '../safe-regex.js';
import { cloneTicketFacts } from '../ticket-facts.js';
import type { TicketFacts } from '../ticket-facts.js';

const SHORT_LENGTH = 80;

// --- normalizeText (without its memo) -------------------------------------------------------

const UNDECOMPOSED_LETTERS: Readonly<Record<string, string>> = Object.freeze({
  ł: 'l',
  đ: 'd',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
});
const UNDECOMPOSED_PATTERN = /[łđøßæœ]/gu;
const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE_RUNS = /\s+/gu;

export function referenceNormalizeText(s: string): string {
  if (typeof s !== 'string' || s === '') return '';
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_PATTERN, (letter) => UNDECOMPOSED_LETTERS[letter] ?? letter)
    .replace(WHITESPACE_RUNS, ' ')
    .trim();
}
const normalizeText = referenceNormalizeText;

// --- text matchers --------------------------------------------------------------------------

const WORD_PATTERN = /[\p{L}\p{N}]+/gu;

function words(normalized: string): readonly string[] {
  return normalized.match(WORD_PATTERN) ?? [];
}

function textIs(haystack: string, needle: string): boolean {
  return normalizeText(haystack) === normalizeText(needle);
}

function textContains(haystack: string, needle: string): boolean {
  const n = normalizeText(needle);
  return n !== '' && normalizeText(haystack).includes(n);
}

function textStartsWith(haystack: string, needle: string): boolean {
  const n = normalizeText(needle);
  return n !== '' && normalizeText(haystack).startsWith(n);
}

function textContainsAnyWord(haystack: string, needles: readonly string[]): boolean {
  if (!Array.isArray(needles) || needles.length === 0) return false;
  const text = words(normalizeText(haystack));
  if (text.length === 0) return false;
  return needles.some((needle) => {
    const phrase = words(normalizeText(needle));
    return phrase.length > 0 && containsSequence(text, phrase);
  });
}

function containsSequence(text: readonly string[], phrase: readonly string[]): boolean {
  const last = text.length - phrase.length;
  for (let start = 0; start <= last; start += 1) {
    let i = 0;
    while (i < phrase.length && text[start + i] === phrase[i]) i += 1;
    if (i === phrase.length) return true;
  }
  return false;
}

// --- regex windows --------------------------------------------------------------------------

const MAX_REGEX_HAYSTACK_LENGTH = 100_000;
const REGEX_WINDOW_LENGTH = 1_000;
const REGEX_WINDOW_OVERLAP = 200;

export function referenceRegexWindows(text: string): readonly string[] {
  if (typeof text !== 'string' || text === '') return [''];
  const windows: string[] = [];
  for (const rawLine of text.slice(0, MAX_REGEX_HAYSTACK_LENGTH).split(/\r\n|\r|\n/u)) {
    const line = normalizeText(rawLine);
    if (line.length <= REGEX_WINDOW_LENGTH) {
      windows.push(line);
      continue;
    }
    const step = REGEX_WINDOW_LENGTH - REGEX_WINDOW_OVERLAP;
    for (let start = 0; start < line.length; start += step) {
      windows.push(line.slice(start, start + REGEX_WINDOW_LENGTH));
      if (start + REGEX_WINDOW_LENGTH >= line.length) break;
    }
  }
  return windows;
}

function execSafeRegex(safe: SafeRegex, text: string): string | null {
  for (const window of referenceRegexWindows(text)) {
    const m = safe.regex.exec(window);
    if (m) return m[0];
  }
  return null;
}

function compileSafeRegexCached(pattern: string): CompileSafeRegexResult {
  return compileSafeRegex(pattern);
}

// --- evaluation (verbatim) ------------------------------------------------------------------

/**
 * Evaluates a condition group against the facts. Every member is evaluated (no
 * short-circuit) so the explanation is complete. An empty group matches. A
 * condition that cannot be judged (unknown field or operator, missing or
 * invalid value, unsafe regex) does not match, whatever its operator, so a
 * broken rule never fires by accident.
 */
export function referenceEvaluateConditions(group: ConditionGroup, facts: TicketFacts): ConditionsEvaluation {
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
    case 'order_status': return { kind: 'id', value: facts.orderStatus || null };
    case 'marketplace': return { kind: 'id', value: facts.marketplace || null };
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

// --- runRules (verbatim) ----------------------------------------------------------------------

export function referenceRunRules(
  rules: readonly Rule[],
  trigger: RuleTrigger,
  facts: TicketFacts,
  timing: RuleTiming = {},
): RuleRunResult {
  const candidates = rules
    .filter((r) => r && r.enabled === true && r.trigger === trigger)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const working = cloneTicketFacts(facts);
  const result: RuleRunResult = { applied: [], skipped: [], finalFacts: working, effects: [] };
  let stopped = false;
  for (const rule of candidates) {
    if (stopped) {
      result.skipped.push({ ruleId: rule.id, ruleName: rule.name, reason: 'stopped', explanation: [] });
      continue;
    }
    if (!isDue(rule, working, timing)) {
      result.skipped.push({ ruleId: rule.id, ruleName: rule.name, reason: 'not_due', explanation: [] });
      continue;
    }
    const { matched, explanation } = referenceEvaluateConditions(rule.conditions, working);
    if (!matched) {
      result.skipped.push({ ruleId: rule.id, ruleName: rule.name, reason: 'conditions_not_met', explanation });
      continue;
    }
    const changes: FactChange[] = [];
    for (const action of rule.actions ?? []) {
      const effect = applyAction(action, working, changes);
      if (effect) {
        result.effects.push({
          ruleId: rule.id,
          ruleName: rule.name,
          action: effect,
          queueId: working.queueId,
          assigneeId: working.assigneeId,
        });
      }
    }
    result.applied.push({ ruleId: rule.id, ruleName: rule.name, actions: rule.actions ?? [], explanation, changes });
    if (rule.stopProcessing) stopped = true;
  }
  return result;
}

function isDue(rule: Rule, facts: TicketFacts, timing: RuleTiming): boolean {
  if (!TIME_TRIGGERS.includes(rule.trigger)) return true;
  const hours = rule.triggerParams?.hours;
  if (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0) return false;
  switch (rule.trigger) {
    case 'time_in_status': {
      const status = rule.triggerParams?.status;
      if (status !== undefined && facts.status !== status) return false;
      return typeof timing.hoursInStatus === 'number' && timing.hoursInStatus >= hours;
    }
    case 'sla_before_deadline':
      return typeof timing.hoursUntilDeadline === 'number' && timing.hoursUntilDeadline >= 0 && timing.hoursUntilDeadline <= hours;
    case 'sla_after_deadline':
      return typeof timing.hoursPastDeadline === 'number' && timing.hoursPastDeadline >= hours;
    default:
      return false;
  }
}

function setField<K extends Exclude<FactChange['field'], 'tags'>>(
  facts: TicketFacts,
  field: K,
  to: TicketFacts[K],
  changes: FactChange[],
): void {
  const from = facts[field];
  if (from === to) return;
  facts[field] = to;
  changes.push({ field, from: (from as string | null) ?? null, to: (to as string | null) ?? null });
}

/** Applies one action to the working facts; returns the side effect to perform, if any. */
function applyAction(action: RuleAction, facts: TicketFacts, changes: FactChange[]): RuleSideEffectAction | null {
  switch (action.type) {
    case 'set_queue':
      setField(facts, 'queueId', action.queueId, changes);
      return null;
    case 'set_category':
      setField(facts, 'categoryId', action.categoryId, changes);
      return null;
    case 'set_priority':
      setField(facts, 'priority', action.priority, changes);
      return null;
    case 'set_status':
      setField(facts, 'status', action.status, changes);
      return null;
    case 'close':
      setField(facts, 'status', 'closed', changes);
      return null;
    case 'assign':
      setField(facts, 'assigneeId', action.userId, changes);
      return null;
    case 'add_tag': {
      const tag = action.tag.trim();
      if (tag !== '' && !facts.tags.some((t) => textIs(t, tag))) {
        facts.tags.push(tag);
        changes.push({ field: 'tags', from: null, to: tag });
      }
      return null;
    }
    case 'remove_tag': {
      const removed = facts.tags.filter((t) => textIs(t, action.tag));
      if (removed.length > 0) {
        facts.tags = facts.tags.filter((t) => !textIs(t, action.tag));
        for (const t of removed) changes.push({ field: 'tags', from: t, to: null });
      }
      return null;
    }
    case 'assign_by_strategy':
    case 'add_note':
    case 'reply_with_template':
    case 'notify':
    case 'forward_copy':
    case 'call_webhook':
    case 'send_survey':
      return action;
    default:
      return null;
  }
}
