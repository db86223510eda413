import { isCompiledRules } from './compile-rules.js';
import type { CompiledRule, CompiledRules } from './compile-rules.js';
import { prepareGroup } from './condition-compile.js';
import type { CompiledGroup } from './condition-compile.js';
import { evaluateCompiledGroup, matchesCompiledGroup } from './condition-engine.js';
import type { ConditionExplanation } from './evaluate-conditions.js';
import { FactsView } from './facts-view.js';
import { compareRuleOrder } from './rule-order.js';
import { TIME_TRIGGERS } from './rule.js';
import type { Rule, RuleAction, RuleSideEffectAction, RuleTrigger } from './rule.js';
import { textIs } from './text-matchers.js';
import { cloneTicketFacts } from './ticket-facts.js';
import type { TicketFacts } from './ticket-facts.js';

/** One change a rule made to the ticket (one audit event each). */
export interface FactChange {
  field: 'queueId' | 'categoryId' | 'priority' | 'status' | 'assigneeId' | 'tags';
  from: string | null;
  to: string | null;
}

export interface AppliedRule {
  ruleId: string;
  ruleName: string;
  actions: readonly RuleAction[];
  explanation: ConditionExplanation[];
  /** What the rule changed on the ticket, in the order of its actions (no-ops left out). */
  changes: FactChange[];
}

export interface SkippedRule {
  ruleId: string;
  ruleName: string;
  /** `conditions_not_met`, or `stopped` when an earlier rule had stopProcessing (not evaluated). */
  reason: 'conditions_not_met' | 'not_due' | 'stopped';
  explanation: ConditionExplanation[];
}

/** A side effect the caller must carry out, naming the rule that asked for it. */
export interface RuleEffect {
  ruleId: string;
  ruleName: string;
  action: RuleSideEffectAction;
  /** The ticket's queue and assignee at the moment the action ran (for assign_by_strategy and notify). */
  queueId: string | null;
  assigneeId: string | null;
}

export interface RuleRunResult {
  applied: AppliedRule[];
  skipped: SkippedRule[];
  finalFacts: TicketFacts;
  effects: RuleEffect[];
}

/**
 * Elapsed time for the time triggers, measured by the caller (the scheduler):
 * a `time_in_status` rule is due when the ticket is in the rule's status and
 * `hoursInStatus >= triggerParams.hours`; `sla_before_deadline` when
 * `hoursUntilDeadline <= hours`; `sla_after_deadline` when `hoursPastDeadline >= hours`.
 * Firing a due rule only once per ticket (per status entry / deadline) is the caller's job.
 */
export interface RuleTiming {
  hoursInStatus?: number;
  hoursUntilDeadline?: number;
  hoursPastDeadline?: number;
}

/** How a run reports. */
export interface RunRulesOptions {
  /**
   * true (the default): every evaluated rule comes with the full explanation of its
   * conditions, also a rule whose conditions were not met (what the dry run shows).
   * false: a rule is first tested without an explanation, stopping at the first
   * condition that decides its group, and only a matching rule is then explained;
   * a rule skipped for `conditions_not_met` gets an empty explanation. Everything
   * else — applied rules and their explanations, changes, effects, final facts,
   * skipped rules and reasons — is the same.
   */
  explainSkipped?: boolean;
}

/** What a run needs of a rule; both Rule and CompiledRule have it. */
type RunnableRule = Pick<Rule, 'id' | 'name' | 'trigger' | 'triggerParams' | 'actions' | 'stopProcessing'>;

/**
 * Runs the enabled rules of one trigger, in ascending `order` (ties by id), against
 * a working copy of the facts: each matching rule's actions change that copy, so a
 * later rule sees what an earlier one set. A matching rule with `stopProcessing`
 * ends the run. The input facts are not modified.
 *
 * `rules` is either the rules as stored (compiled on the way: the compiled
 * conditions are remembered per condition object while it stays unchanged) or,
 * better for a caller that runs the same rules for many tickets, a set made once
 * by compileRules; both give exactly the same result. Each text of the facts is
 * normalised at most once per run, however many conditions read it.
 *
 * `options.explainSkipped: false` (see RunRulesOptions) leaves out the explanations
 * of rules that did not match, which most of the time is most of the work: for a
 * caller that only records why the matching rules applied.
 */
export function runRules(
  rules: readonly Rule[] | CompiledRules,
  trigger: RuleTrigger,
  facts: TicketFacts,
  timing: RuleTiming = {},
  options: RunRulesOptions = {},
): RuleRunResult {
  const explainSkipped = options.explainSkipped !== false;
  if (isCompiledRules(rules)) return run(rules.rulesFor(trigger), compiledConditionsOf, facts, timing, explainSkipped);
  const candidates = rules.filter((r) => r && r.enabled === true && r.trigger === trigger).sort(compareRuleOrder);
  return run(candidates, conditionsOf, facts, timing, explainSkipped);
}

const compiledConditionsOf = (rule: CompiledRule): CompiledGroup => rule.conditions;
const conditionsOf = (rule: Rule): CompiledGroup => prepareGroup(rule.conditions, 1);

function run<R extends RunnableRule>(
  candidates: readonly R[],
  conditions: (rule: R) => CompiledGroup,
  facts: TicketFacts,
  timing: RuleTiming,
  explainSkipped: boolean,
): RuleRunResult {
  const working = cloneTicketFacts(facts);
  const view = new FactsView(working);
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
    const group = conditions(rule);
    if (!explainSkipped && !matchesCompiledGroup(group, view)) {
      result.skipped.push({ ruleId: rule.id, ruleName: rule.name, reason: 'conditions_not_met', explanation: [] });
      continue;
    }
    const { matched, items: explanation } = evaluateCompiledGroup(group, view);
    if (!matched) {
      result.skipped.push({ ruleId: rule.id, ruleName: rule.name, reason: 'conditions_not_met', explanation });
      continue;
    }
    const actions = rule.actions ?? [];
    const changes: FactChange[] = [];
    for (const action of actions) {
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
    result.applied.push({ ruleId: rule.id, ruleName: rule.name, actions, explanation, changes });
    if (rule.stopProcessing) stopped = true;
  }
  return result;
}

function isDue(rule: RunnableRule, facts: TicketFacts, timing: RuleTiming): boolean {
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
