import type { ConditionOperator, ConditionValue } from './rule.js';

/** Deeper groups than this are not evaluated (they do not match). */
export const MAX_CONDITION_DEPTH = 10;

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
