import type { Rule } from './rule.js';

/** The run order of the rules of one trigger: ascending `order`, ties by id. */
export function compareRuleOrder(a: Rule, b: Rule): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
