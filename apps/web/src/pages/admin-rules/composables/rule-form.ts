import { conditionFieldKind, operatorTakesValue, TIME_TRIGGERS, type ConditionOperator, type RuleActionType } from '@okienko/routing';
import type { NewRule, Rule, RuleTriggerName } from '../../../entities/rule/api';

/** One condition as the builder edits it: the value as typed (lists comma-separated). */
export interface ConditionRow {
  kind: 'condition';
  key: number;
  field: string;
  operator: ConditionOperator;
  value: string;
}

/** A group of conditions of which all or any must hold. */
export interface GroupRow {
  kind: 'group';
  key: number;
  match: 'all' | 'any';
  items: (ConditionRow | GroupRow)[];
}

/** One action with its parameters as typed. */
export interface ActionRow {
  key: number;
  type: RuleActionType;
  params: Record<string, string>;
}

export interface RuleForm {
  name: string;
  trigger: RuleTriggerName;
  hours: string;
  status: string;
  conditions: GroupRow;
  actions: ActionRow[];
  stopProcessing: boolean;
  enabled: boolean;
}

/** The parameters each action takes, and what kind of value each is. */
export type ActionParamInput = 'queue' | 'category' | 'priority' | 'status' | 'user' | 'template' | 'notifyTarget' | 'surveyKind' | 'text';
export type ActionParamName = 'queueId' | 'categoryId' | 'priority' | 'status' | 'userId' | 'tag' | 'body' | 'templateId' | 'target' | 'address' | 'url' | 'kind';
export const ACTION_PARAMS: Record<RuleActionType, { name: ActionParamName; input: ActionParamInput }[]> = {
  set_queue: [{ name: 'queueId', input: 'queue' }],
  set_category: [{ name: 'categoryId', input: 'category' }],
  set_priority: [{ name: 'priority', input: 'priority' }],
  set_status: [{ name: 'status', input: 'status' }],
  assign: [{ name: 'userId', input: 'user' }],
  assign_by_strategy: [],
  add_tag: [{ name: 'tag', input: 'text' }],
  remove_tag: [{ name: 'tag', input: 'text' }],
  add_note: [{ name: 'body', input: 'text' }],
  reply_with_template: [{ name: 'templateId', input: 'template' }],
  notify: [
    { name: 'target', input: 'notifyTarget' },
    { name: 'userId', input: 'user' },
  ],
  forward_copy: [{ name: 'address', input: 'text' }],
  call_webhook: [{ name: 'url', input: 'text' }],
  send_survey: [{ name: 'kind', input: 'surveyKind' }],
  close: [],
};

let nextKey = 1;
export const newKey = () => nextKey++;

export function newCondition(): ConditionRow {
  return { kind: 'condition', key: newKey(), field: 'subject', operator: 'contains', value: '' };
}

export function newGroup(match: 'all' | 'any' = 'all'): GroupRow {
  return { kind: 'group', key: newKey(), match, items: [] };
}

export function newAction(): ActionRow {
  return { key: newKey(), type: 'add_tag', params: {} };
}

export function emptyRuleForm(): RuleForm {
  return {
    name: '',
    trigger: 'ticket_created',
    hours: '',
    status: 'waiting_customer',
    conditions: { ...newGroup('all'), items: [newCondition()] },
    actions: [newAction()],
    stopProcessing: false,
    enabled: false,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function groupFromApi(value: unknown): GroupRow {
  const group = isRecord(value) ? value : {};
  const items = Array.isArray(group['conditions']) ? group['conditions'] : [];
  return {
    kind: 'group',
    key: newKey(),
    match: group['match'] === 'any' ? 'any' : 'all',
    items: items.map((item: unknown) => {
      if (isRecord(item) && 'match' in item) return groupFromApi(item);
      const condition = isRecord(item) ? item : {};
      const raw = condition['value'];
      const value = Array.isArray(raw) ? raw.join(', ') : raw === undefined || raw === null ? '' : String(raw);
      return {
        kind: 'condition' as const,
        key: newKey(),
        field: String(condition['field'] ?? 'subject'),
        operator: String(condition['operator'] ?? 'is') as ConditionOperator,
        value,
      };
    }),
  };
}

export function ruleToForm(rule: Rule): RuleForm {
  const params = rule.triggerParams as { hours?: number; status?: string };
  return {
    name: rule.name,
    trigger: rule.trigger,
    hours: params.hours === undefined ? '' : String(params.hours),
    status: params.status ?? 'waiting_customer',
    conditions: groupFromApi(rule.conditions),
    actions: (rule.actions as Record<string, unknown>[]).map((action) => {
      const { type, ...rest } = action;
      return {
        key: newKey(),
        type: type as RuleActionType,
        params: Object.fromEntries(Object.entries(rest).map(([name, value]) => [name, String(value)])),
      };
    }),
    stopProcessing: rule.stopProcessing,
    enabled: rule.enabled,
  };
}

function conditionValue(row: ConditionRow): string | string[] | boolean | undefined {
  if (!operatorTakesValue(row.operator)) return undefined;
  const kind = conditionFieldKind(row.field);
  if (kind === 'boolean') return row.value === 'true';
  if (row.operator === 'contains_any_word') {
    return row.value
      .split(/[,\n]/)
      .map((word) => word.trim())
      .filter(Boolean);
  }
  return row.value;
}

function groupToApi(group: GroupRow): Record<string, unknown> {
  return {
    match: group.match,
    conditions: group.items.map((item) => {
      if (item.kind === 'group') return groupToApi(item);
      const value = conditionValue(item);
      return { field: item.field, operator: item.operator, ...(value === undefined ? {} : { value }) };
    }),
  };
}

export const triggerTakesHours = (trigger: RuleTriggerName) => TIME_TRIGGERS.includes(trigger);

/** The rule as the API takes it. */
export function formToRule(form: RuleForm): NewRule {
  const triggerParams: Record<string, unknown> = {};
  if (triggerTakesHours(form.trigger)) triggerParams['hours'] = Number(form.hours);
  if (form.trigger === 'time_in_status') triggerParams['status'] = form.status;
  return {
    name: form.name.trim(),
    trigger: form.trigger,
    triggerParams,
    conditions: groupToApi(form.conditions),
    actions: form.actions.map((action) => {
      const params: Record<string, string> = {};
      for (const param of ACTION_PARAMS[action.type]) {
        const value = action.params[param.name];
        if (value !== undefined && value !== '') params[param.name] = value;
      }
      return { type: action.type, ...params };
    }),
    stopProcessing: form.stopProcessing,
    enabled: form.enabled,
  };
}
