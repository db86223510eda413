import { prepareGroup } from './condition-compile.js';
import type { CompiledGroup } from './condition-compile.js';
import { evaluateCompiledGroup } from './condition-engine.js';
import { FactsView } from './facts-view.js';
import type { ConditionGroup } from './rule.js';
import type { TicketFacts } from './ticket-facts.js';

export { conditionBoolean, conditionNeedles, MAX_CONDITION_DEPTH } from './condition-values.js';

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

/**
 * A condition group prepared once for many evaluations (see compileConditions):
 * needles normalised, phrases split into words, regexes compiled and checked.
 * An immutable snapshot of the group as it was when compiled.
 */
export class CompiledConditions {
  /** @internal Use compileConditions. */
  constructor(readonly root: CompiledGroup) {}
}

/**
 * Prepares a condition group for repeated evaluateConditions calls. The result is
 * an immutable snapshot: later changes to `group` are not seen (compile again).
 * evaluateConditions(compileConditions(g), facts) gives exactly what
 * evaluateConditions(g, facts) gives.
 */
export function compileConditions(group: ConditionGroup): CompiledConditions {
  return new CompiledConditions(prepareGroup(group, 1));
}

/**
 * Evaluates a condition group (or a compiled one) against the facts. Every member
 * is evaluated (no short-circuit) so the explanation is complete. An empty group
 * matches. A condition that cannot be judged (unknown field or operator, missing
 * or invalid value, unsafe regex) does not match, whatever its operator, so a
 * broken rule never fires by accident.
 *
 * Each text of the facts is normalised (and split into words or regex windows)
 * at most once per call, however many conditions read it. A plain group is
 * compiled on the way, with the compiled parts remembered per condition object
 * for as long as that object holds the same field, operator and value.
 */
export function evaluateConditions(group: ConditionGroup | CompiledConditions, facts: TicketFacts): ConditionsEvaluation {
  const compiled = group instanceof CompiledConditions ? group.root : prepareGroup(group, 1);
  const result = evaluateCompiledGroup(compiled, new FactsView(facts));
  return { matched: result.matched, explanation: result.items };
}
