import { prepareGroup } from './condition-compile.js';
import type { CompiledGroup } from './condition-compile.js';
import { compareRuleOrder } from './rule-order.js';
import type { Rule, RuleAction, RuleTrigger, RuleTriggerParams } from './rule.js';

/** One enabled rule as a compiled set holds it: a frozen copy with its conditions compiled. */
export interface CompiledRule {
  readonly id: string;
  readonly name: string;
  readonly order: number;
  readonly trigger: RuleTrigger;
  readonly triggerParams?: Readonly<RuleTriggerParams>;
  /** Frozen copies of the rule's actions (results and effects hand out these objects). */
  readonly actions: readonly RuleAction[];
  readonly stopProcessing: boolean;
  /** @internal */
  readonly conditions: CompiledGroup;
}

const NO_RULES: readonly CompiledRule[] = Object.freeze([]);

/**
 * A rule set prepared once for many runRules calls (see compileRules): the enabled
 * rules, grouped by trigger and sorted in run order, with every condition compiled
 * (needles normalised, phrases split into words, regexes compiled and checked).
 *
 * An immutable snapshot: it holds frozen copies of the rules as they were when
 * compiled, so changing, adding, enabling or disabling a rule afterwards has no
 * effect on it. When rules change, compile the new list and replace the set.
 */
export class CompiledRules {
  /** @internal Use compileRules. */
  constructor(
    private readonly byTrigger: ReadonlyMap<string, readonly CompiledRule[]>,
    /** How many enabled rules the set holds, over all triggers. */
    readonly size: number,
  ) {
    Object.freeze(this);
  }

  /** The enabled rules of one trigger, in run order. */
  rulesFor(trigger: RuleTrigger): readonly CompiledRule[] {
    return this.byTrigger.get(trigger) ?? NO_RULES;
  }
}

function freezeCopy<T>(value: T): T {
  return typeof value === 'object' && value !== null ? Object.freeze({ ...value }) : value;
}

function compileRule(rule: Rule): CompiledRule {
  return Object.freeze({
    id: rule.id,
    name: rule.name,
    order: rule.order,
    trigger: rule.trigger,
    triggerParams: freezeCopy(rule.triggerParams),
    actions: Object.freeze(Array.isArray(rule.actions) ? rule.actions.map(freezeCopy) : []),
    stopProcessing: rule.stopProcessing,
    conditions: prepareGroup(rule.conditions, 1),
  });
}

/**
 * Compiles a rule set once, for a caller that evaluates the same rules many times
 * (the API and the worker: load the rules, compile them, keep the result until a
 * rule changes). Pass the result to runRules instead of the array:
 *
 *     const compiled = compileRules(rulesFromDatabase);      // once, after loading
 *     const result = runRules(compiled, 'ticket_created', facts, timing);  // per ticket
 *
 * Gives exactly the results and explanations runRules(rules, …) gives. Disabled
 * rules are left out. Rules are not validated here (see validateRule); a broken
 * condition compiles to one that never matches, as it evaluates without compiling.
 * The result is an immutable snapshot (see CompiledRules).
 */
export function compileRules(rules: readonly Rule[]): CompiledRules {
  const byTrigger = new Map<string, Rule[]>();
  let size = 0;
  for (const rule of rules) {
    if (!rule || rule.enabled !== true) continue;
    const list = byTrigger.get(rule.trigger);
    if (list) list.push(rule);
    else byTrigger.set(rule.trigger, [rule]);
    size += 1;
  }
  const compiled = new Map<string, readonly CompiledRule[]>();
  for (const [trigger, list] of byTrigger) {
    compiled.set(trigger, Object.freeze(list.sort(compareRuleOrder).map(compileRule)));
  }
  return new CompiledRules(compiled, size);
}

/** Whether runRules was given a compiled set. */
export function isCompiledRules(rules: unknown): rules is CompiledRules {
  return rules instanceof CompiledRules;
}
