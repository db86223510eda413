import { Injectable } from '@nestjs/common';
import { validateRule, type Rule, type RuleAction } from '@okienko/routing';
import type { CreateRuleDto } from './dtos/create-rule.dto.js';
import type { RuleQueryDto } from './dtos/rule-query.dto.js';
import type { UpdateRuleDto } from './dtos/update-rule.dto.js';
import { EnabledRulesCache } from './enabled-rules.cache.js';
import type { RuleEntity } from './entities/rule.entity.js';
import { RulesException, RulesErrorCode } from './rules.exception.js';
import { RulesRepository, type ReferencedTable } from './rules.repository.js';

interface FieldProblem {
  field: string;
  errors: string[];
}

/** Which ids in an action point at which table. */
const REFERENCES: { action: RuleAction['type']; key: string; table: ReferencedTable; what: string }[] = [
  { action: 'set_queue', key: 'queueId', table: 'queues', what: 'queue' },
  { action: 'set_category', key: 'categoryId', table: 'categories', what: 'category' },
  { action: 'assign', key: 'userId', table: 'users', what: 'active user' },
  { action: 'notify', key: 'userId', table: 'users', what: 'active user' },
  { action: 'reply_with_template', key: 'templateId', table: 'templates', what: 'template' },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The rules an admin writes: saved only when the engine and the database agree they can run. */
@Injectable()
export class RulesService {
  constructor(
    private readonly rules: RulesRepository,
    private readonly cache: EnabledRulesCache,
  ) {}

  list(query: RuleQueryDto): Promise<RuleEntity[]> {
    return this.rules.list({ trigger: query.trigger, enabled: query.enabled });
  }

  async get(id: string): Promise<RuleEntity> {
    const rule = await this.rules.findById(id);
    if (!rule) throw new RulesException(RulesErrorCode.NotFound, `Rule ${id} does not exist`);
    return rule;
  }

  async create(dto: CreateRuleDto): Promise<RuleEntity> {
    const draft = await this.checked(dto);
    const rule = await this.rules.insert({
      name: draft.name,
      description: dto.description?.trim() || null,
      enabled: draft.enabled,
      position: dto.order ?? (await this.rules.nextPosition(draft.trigger)),
      trigger: draft.trigger,
      triggerParams: draft.triggerParams ?? {},
      conditions: draft.conditions,
      actions: [...draft.actions],
      stopProcessing: draft.stopProcessing,
    });
    this.cache.invalidate();
    return rule;
  }

  async update(id: string, dto: UpdateRuleDto): Promise<RuleEntity> {
    const current = await this.get(id);
    const draft = await this.checked({
      name: dto.name ?? current.name,
      enabled: dto.enabled ?? current.enabled,
      trigger: dto.trigger ?? current.trigger,
      triggerParams: dto.triggerParams ?? (dto.trigger && dto.trigger !== current.trigger ? {} : current.triggerParams),
      conditions: dto.conditions ?? current.conditions,
      actions: dto.actions ?? current.actions,
      stopProcessing: dto.stopProcessing ?? current.stopProcessing,
      order: dto.order ?? current.position,
    });
    const movedTrigger = draft.trigger !== current.trigger;
    await this.rules.update(id, {
      name: draft.name,
      ...(dto.description !== undefined ? { description: dto.description?.trim() || null } : {}),
      enabled: draft.enabled,
      position: dto.order ?? (movedTrigger ? await this.rules.nextPosition(draft.trigger) : current.position),
      trigger: draft.trigger,
      triggerParams: draft.triggerParams ?? {},
      conditions: draft.conditions,
      actions: [...draft.actions],
      stopProcessing: draft.stopProcessing,
    });
    this.cache.invalidate();
    return this.get(id);
  }

  async delete(id: string): Promise<void> {
    if (!(await this.rules.delete(id))) throw new RulesException(RulesErrorCode.NotFound, `Rule ${id} does not exist`);
    this.cache.invalidate();
  }

  /** Puts every rule of one trigger in the given order. */
  async reorder(ids: string[]): Promise<RuleEntity[]> {
    if (new Set(ids).size !== ids.length) this.orderInvalid('a rule is listed twice');
    const first = await this.rules.findById(ids[0]);
    if (!first) this.orderInvalid(`rule ${ids[0]} does not exist`);
    const sameTrigger = await this.rules.list({ trigger: first!.trigger });
    const known = new Set(sameTrigger.map((r) => r.id));
    const stranger = ids.find((id) => !known.has(id));
    if (stranger) this.orderInvalid(`rule ${stranger} does not exist or has another trigger than ${first!.trigger}`);
    if (ids.length !== sameTrigger.length) {
      const missing = sameTrigger.filter((r) => !ids.includes(r.id)).map((r) => r.id);
      this.orderInvalid(`every rule of the trigger ${first!.trigger} must be listed; missing: ${missing.join(', ')}`);
    }
    await this.rules.setPositions(ids);
    this.cache.invalidate();
    return this.rules.list({ trigger: first!.trigger });
  }

  /** The rule as the engine takes it, after every check; problems answer 400 RULE_INVALID naming the place. */
  async checked(dto: CreateRuleDto): Promise<Rule> {
    const draft: Rule = {
      id: 'draft',
      name: dto.name.trim(),
      enabled: dto.enabled ?? false,
      order: dto.order ?? 0,
      trigger: dto.trigger,
      triggerParams: dto.triggerParams ?? {},
      conditions: dto.conditions,
      actions: dto.actions,
      stopProcessing: dto.stopProcessing ?? false,
    };
    const problems: FieldProblem[] = validateRule(draft).map((message) => ({ field: fieldOf(message), errors: [message] }));
    if (problems.length === 0) problems.push(...(await this.missingReferences(draft.actions)));
    if (problems.length > 0) {
      throw new RulesException(RulesErrorCode.Invalid, problems.map((p) => p.errors[0]).join(' '), { fields: problems });
    }
    return draft;
  }

  private async missingReferences(actions: readonly RuleAction[]): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const wanted = new Map<ReferencedTable, string[]>();
    const refs: { path: string; id: string; table: ReferencedTable; what: string; key: string }[] = [];
    actions.forEach((action, index) => {
      for (const ref of REFERENCES.filter((r) => r.action === action.type)) {
        const id = (action as unknown as Record<string, unknown>)[ref.key];
        if (typeof id !== 'string') continue;
        const path = `actions[${index}].${ref.key}`;
        if (!UUID.test(id)) {
          problems.push({ field: path, errors: [`${path}: "${id}" is not an id`] });
          continue;
        }
        refs.push({ path, id, table: ref.table, what: ref.what, key: ref.key });
        wanted.set(ref.table, [...(wanted.get(ref.table) ?? []), id]);
      }
    });
    const found = new Map<ReferencedTable, Set<string>>();
    for (const [table, ids] of wanted) found.set(table, await this.rules.existingIds(table, ids));
    for (const ref of refs) {
      if (!found.get(ref.table)!.has(ref.id)) problems.push({ field: ref.path, errors: [`${ref.path}: ${ref.id} is not an existing ${ref.what}`] });
    }
    return problems;
  }

  private orderInvalid(message: string): never {
    throw new RulesException(RulesErrorCode.OrderInvalid, message, { fields: [{ field: 'ids', errors: [message] }] });
  }
}

/** The place a problem of the engine's names: `conditions[1].conditions[0]`, `actions[2]`, or the trigger / name. */
function fieldOf(message: string): string {
  const place = /^((?:conditions|actions)(?:\[\d+\](?:\.conditions)?)*)/.exec(message)?.[1];
  if (place) return place.replace(/\.conditions$/, '');
  if (/^Contradictory actions|no actions/i.test(message)) return 'actions';
  if (/trigger/i.test(message)) return /Unknown trigger/.test(message) ? 'trigger' : 'triggerParams';
  if (/name/i.test(message)) return 'name';
  if (/order/i.test(message)) return 'order';
  return 'conditions';
}
