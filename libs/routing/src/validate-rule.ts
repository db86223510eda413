import { isSurveyKind, ORDER_STATUSES, SURVEY_KINDS, TICKET_PRIORITIES, TICKET_STATUSES } from '@okienko/domain';
import { conditionFieldKind, operatorsForField, operatorTakesValue } from './condition-fields.js';
import { conditionBoolean, conditionNeedles, MAX_CONDITION_DEPTH } from './evaluate-conditions.js';
import { CONDITION_OPERATORS, isConditionGroup, MARKETPLACES, RULE_ACTION_TYPES, RULE_TRIGGERS, TIME_TRIGGERS } from './rule.js';
import type { Condition, ConditionGroup, Rule, RuleAction } from './rule.js';
import { compileSafeRegex } from './safe-regex.js';

const NOTIFY_TARGETS = ['assignee', 'queue', 'lead', 'user'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

function blank(v: unknown): boolean {
  return typeof v !== 'string' || v.trim() === '';
}

/**
 * The problems that keep a rule from being saved, in words an admin understands
 * (empty when the rule is fine). Paths name the place: `conditions[1].conditions[0]`, `actions[2]`.
 */
export function validateRule(rule: Rule): string[] {
  const problems: string[] = [];
  if (!rule || typeof rule !== 'object') return ['The rule is missing.'];
  if (blank(rule.name)) problems.push('The rule has no name.');
  if (!RULE_TRIGGERS.includes(rule.trigger)) {
    problems.push(`Unknown trigger "${String(rule.trigger)}".`);
  } else if (TIME_TRIGGERS.includes(rule.trigger)) {
    const hours = rule.triggerParams?.hours;
    if (typeof hours !== 'number' || !Number.isFinite(hours) || hours <= 0) {
      problems.push(`The trigger "${rule.trigger}" needs a positive number of hours.`);
    }
    if (rule.trigger === 'time_in_status' && !TICKET_STATUSES.includes(rule.triggerParams?.status as never)) {
      problems.push('The trigger "time_in_status" needs a valid status.');
    }
  }
  if (typeof rule.order !== 'number' || !Number.isFinite(rule.order)) problems.push('The rule has no valid order.');
  validateGroup(rule.conditions, 'conditions', 1, problems);
  validateActions(rule.actions, problems);
  return problems;
}

function validateGroup(group: ConditionGroup, path: string, depth: number, problems: string[]): void {
  if (!group || typeof group !== 'object' || !Array.isArray(group.conditions)) {
    problems.push(`${path}: a condition group needs a list of conditions.`);
    return;
  }
  if (group.match !== 'all' && group.match !== 'any') problems.push(`${path}: match must be "all" or "any".`);
  if (depth > MAX_CONDITION_DEPTH) {
    problems.push(`${path}: groups are nested deeper than ${MAX_CONDITION_DEPTH} levels.`);
    return;
  }
  if (depth > 1 && group.conditions.length === 0) problems.push(`${path}: the group is empty.`);
  group.conditions.forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (isConditionGroup(c)) validateGroup(c, `${at}.conditions`, depth + 1, problems);
    else validateCondition(c, at, problems);
  });
}

function validateCondition(c: Condition, path: string, problems: string[]): void {
  if (!c || typeof c !== 'object') {
    problems.push(`${path}: not a condition.`);
    return;
  }
  const kind = conditionFieldKind(c.field);
  if (!kind) {
    problems.push(`${path}: unknown field "${String(c.field)}".`);
    return;
  }
  if (!CONDITION_OPERATORS.includes(c.operator)) {
    problems.push(`${path}: unknown operator "${String(c.operator)}".`);
    return;
  }
  if (!operatorsForField(c.field).includes(c.operator)) {
    problems.push(`${path}: the operator "${c.operator}" cannot be used with the field "${c.field}".`);
    return;
  }
  if (!operatorTakesValue(c.operator)) return;
  if (kind === 'boolean') {
    if (conditionBoolean(c.value) === null) problems.push(`${path}: the field "${c.field}" needs the value true or false.`);
    return;
  }
  const needles = conditionNeedles(c.operator, c.value);
  if (needles.length === 0) {
    problems.push(`${path}: the operator "${c.operator}" needs a value.`);
    return;
  }
  if (c.field === 'priority') checkEnum(needles, TICKET_PRIORITIES, 'priority', path, problems);
  if (c.field === 'status') checkEnum(needles, TICKET_STATUSES, 'status', path, problems);
  if (c.field === 'order_status') checkEnum(needles, ORDER_STATUSES, 'order status', path, problems);
  if (c.field === 'marketplace') checkEnum(needles, MARKETPLACES, 'marketplace', path, problems);
  if (c.operator === 'matches_regex') {
    for (const pattern of needles) {
      const compiled = compileSafeRegex(pattern);
      if (!compiled.ok) problems.push(`${path}: the regular expression "${pattern}" is refused: ${compiled.reason}.`);
    }
  }
}

function checkEnum(values: readonly string[], allowed: readonly string[], what: string, path: string, problems: string[]): void {
  for (const v of values) {
    if (!allowed.includes(v)) problems.push(`${path}: unknown ${what} "${v}" (expected one of: ${allowed.join(', ')}).`);
  }
}

function validateActions(actions: readonly RuleAction[], problems: string[]): void {
  if (!Array.isArray(actions) || actions.length === 0) {
    problems.push('The rule has no actions.');
    return;
  }
  actions.forEach((a, i) => validateAction(a, `actions[${i}]`, problems));
  const of = <T extends RuleAction['type']>(type: T) =>
    actions.filter((a): a is Extract<RuleAction, { type: T }> => a?.type === type);
  const distinct = (values: readonly unknown[]) => new Set(values).size;

  const closes = of('close').length > 0;
  const statuses = of('set_status').map((a) => a.status);
  if (closes && statuses.some((s) => s !== 'closed')) {
    problems.push(`Contradictory actions: "close" together with "set_status" to ${statuses.filter((s) => s !== 'closed').join(', ')}.`);
  }
  if (distinct(statuses) > 1) problems.push(`Contradictory actions: "set_status" to ${statuses.join(' and ')}.`);
  for (const [type, values] of [
    ['set_priority', of('set_priority').map((a) => a.priority)],
    ['set_queue', of('set_queue').map((a) => a.queueId)],
    ['set_category', of('set_category').map((a) => a.categoryId)],
    ['assign', of('assign').map((a) => a.userId)],
  ] as const) {
    if (distinct(values) > 1) problems.push(`Contradictory actions: "${type}" to ${values.join(' and ')}.`);
  }
  if (of('assign').length > 0 && of('assign_by_strategy').length > 0) {
    problems.push('Contradictory actions: "assign" together with "assign_by_strategy".');
  }
  // A tag that is no text is reported by validateAction; here it is only left out.
  const tagsOf = (type: 'add_tag' | 'remove_tag') =>
    of(type).flatMap((a) => (typeof a.tag === 'string' ? [a.tag.trim().toLowerCase()] : []));
  const added = tagsOf('add_tag');
  for (const tag of new Set(tagsOf('remove_tag'))) {
    if (added.includes(tag)) problems.push(`Contradictory actions: the tag "${tag}" is both added and removed.`);
  }
}

function validateAction(a: RuleAction, path: string, problems: string[]): void {
  if (!a || typeof a !== 'object' || !RULE_ACTION_TYPES.includes(a.type)) {
    problems.push(`${path}: unknown action "${String((a as { type?: unknown })?.type)}".`);
    return;
  }
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${path}: "${a.type}" needs ${what}.`);
  };
  switch (a.type) {
    case 'set_queue': return need(!blank(a.queueId), 'a queue');
    case 'set_category': return need(!blank(a.categoryId), 'a category');
    case 'set_priority': return need(TICKET_PRIORITIES.includes(a.priority), `a priority (${TICKET_PRIORITIES.join(', ')})`);
    case 'set_status': return need(TICKET_STATUSES.includes(a.status), `a status (${TICKET_STATUSES.join(', ')})`);
    case 'assign': return need(!blank(a.userId), 'a user');
    case 'add_tag':
    case 'remove_tag': return need(!blank(a.tag), 'a tag');
    case 'add_note': return need(!blank(a.body), 'the text of the note');
    case 'reply_with_template': return need(!blank(a.templateId), 'a template');
    case 'notify':
      need(NOTIFY_TARGETS.includes(a.target), `a target (${NOTIFY_TARGETS.join(', ')})`);
      if (a.target === 'user') need(!blank(a.userId), 'a user to notify');
      return;
    case 'forward_copy': return need(typeof a.address === 'string' && EMAIL.test(a.address.trim()), 'a valid e-mail address');
    case 'call_webhook': return need(typeof a.url === 'string' && /^https?:\/\/[^\s/]+/iu.test(a.url.trim()), 'an http(s) URL');
    case 'send_survey': return need(isSurveyKind(a.kind), `a kind (${SURVEY_KINDS.join(', ')})`);
    case 'assign_by_strategy':
    case 'close':
      return;
  }
}
