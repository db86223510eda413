import { conditionFieldKind, operatorTakesValue } from './condition-fields.js';
import type { ConditionFieldKind } from './condition-fields.js';
import { conditionBoolean, conditionNeedles, MAX_CONDITION_DEPTH } from './condition-values.js';
import type { IdFieldName, ListFieldName, TextFieldName } from './facts-view.js';
import { shortenForDisplay, trigramHashes, wordHashes, wordsOf } from './prepared-text.js';
import { regexForNormalizedText } from './normalized-regex.js';
import { requiredLiterals } from './regex-literals.js';
import { CUSTOMER_FIELD_PREFIX, FORM_FIELD_PREFIX, isConditionGroup } from './rule.js';
import type { Condition, ConditionGroup, ConditionOperator, ConditionValue } from './rule.js';
import { compileSafeRegexCached } from './safe-regex.js';
import { normalizeTextUncached } from './text-folding.js';

/*
 * Compiling conditions (see condition-engine.ts for the engine as a whole): once
 * per condition, everything that does not depend on the ticket — its field reader,
 * normalised needles, phrases as words, regexes with their required literals, its
 * display, and every verdict fixed whatever the ticket. Compiled conditions and
 * groups are cached per rule object.
 */

/** Where a condition reads the ticket. */
export type Source =
  | { readonly kind: 'text'; readonly field: TextFieldName }
  | { readonly kind: 'customer_field'; readonly name: string }
  | { readonly kind: 'form_field'; readonly name: string }
  | { readonly kind: 'list'; readonly field: ListFieldName }
  | { readonly kind: 'id'; readonly field: IdFieldName }
  | { readonly kind: 'boolean'; readonly field: 'has_attachments' | 'business_hours' };

/**
 * A compiled regex, in the form that runs fastest on normalised text (see
 * regexForNormalizedText); `literals`: one of them occurs in every match (see
 * requiredLiterals), so a text or line with none of them is not searched.
 */
export type RegexPattern =
  | {
      readonly ok: true;
      readonly regex: RegExp;
      readonly literals: readonly string[] | null;
      /** The trigram hashes of each literal (see PreparedText.mayInclude). */
      readonly literalTrigrams: readonly (readonly number[])[];
      /** Also skip lines without a literal: for a regex that stays slow (`iu`), where that pays. */
      readonly filterWindows: boolean;
    }
  | { readonly ok: false; readonly note: string };

/** The judgement of a condition, with everything that does not depend on the ticket done. */
export type Test =
  /** Cannot be judged whatever the ticket: never matches, not even negated. */
  | { readonly kind: 'fixed'; readonly note: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'boolean'; readonly want: boolean }
  /** Identifier equals one of the normalised needles. */
  | { readonly kind: 'id_is'; readonly needles: readonly string[] }
  /** Normalised needles; `notes[i]`: what to report when needle i matched (only with several needles). */
  | { readonly kind: 'is' | 'starts_with'; readonly needles: readonly string[]; readonly notes: readonly (string | undefined)[] }
  /** As above; `trigrams[i]`: the trigram hashes of needle i, to rule out long texts quickly (see PreparedText.mayInclude). */
  | {
      readonly kind: 'contains';
      readonly needles: readonly string[];
      readonly trigrams: readonly (readonly number[])[];
      readonly notes: readonly (string | undefined)[];
    }
  /** Each needle as the normalised words of its phrase, with the hashes of those words (see wordHashes). */
  | {
      readonly kind: 'words';
      readonly phrases: readonly (readonly string[])[];
      readonly hashes: readonly (readonly number[])[];
      readonly notes: readonly (string | undefined)[];
    }
  | { readonly kind: 'regex'; readonly patterns: readonly RegexPattern[] };

export interface CompiledCondition {
  readonly node: 'condition';
  /** As the explanation shows them. */
  readonly field: string;
  readonly operator: string;
  readonly expected: string | null;
  /** null: unknown field (never matches; the note is in `test`). */
  readonly source: Source | null;
  readonly test: Test;
  /** is_not / not_contains / is_not_empty: the verdict of the positive test, inverted. */
  readonly negate: boolean;
}

export interface CompiledGroup {
  readonly node: 'group';
  readonly match: 'all' | 'any';
  /** Nested deeper than MAX_CONDITION_DEPTH: never matches, members not evaluated. */
  readonly tooDeep: boolean;
  readonly members: readonly (CompiledCondition | CompiledGroup)[];
}


function describeExpected(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return shortenForDisplay(value.join(', '));
  return shortenForDisplay(String(value));
}

function positiveOf(operator: string): ConditionOperator | null {
  switch (operator) {
    case 'is_not': return 'is';
    case 'not_contains': return 'contains';
    case 'is_not_empty': return 'is_empty';
    default: return null;
  }
}

function sourceOf(field: string, kind: ConditionFieldKind): Source {
  if (field.startsWith(CUSTOMER_FIELD_PREFIX)) return { kind: 'customer_field', name: field.slice(CUSTOMER_FIELD_PREFIX.length) };
  if (field.startsWith(FORM_FIELD_PREFIX)) return { kind: 'form_field', name: field.slice(FORM_FIELD_PREFIX.length) };
  switch (kind) {
    case 'text': return { kind: 'text', field: field as TextFieldName };
    case 'list': return { kind: 'list', field: field as ListFieldName };
    case 'id': return { kind: 'id', field: field as IdFieldName };
    case 'boolean': return { kind: 'boolean', field: field as 'has_attachments' | 'business_hours' };
  }
}

const fixed = (note: string): Test => ({ kind: 'fixed', note });

function compileTest(kind: ConditionFieldKind, operator: ConditionOperator, value: ConditionValue | undefined): Test {
  if (operator === 'is_empty') return kind === 'boolean' ? fixed('cannot judge: a yes/no field is never empty') : { kind: 'empty' };
  if (kind === 'boolean') {
    if (operator !== 'is') return fixed(`cannot judge: operator "${operator}" does not apply to a yes/no field`);
    const want = conditionBoolean(value);
    return want === null ? fixed('cannot judge: the value must be true or false') : { kind: 'boolean', want };
  }
  const needles = conditionNeedles(operator, value);
  if (needles.length === 0) return fixed('cannot judge: no value to compare with');
  if (kind === 'id') {
    if (operator !== 'is') return fixed(`cannot judge: operator "${operator}" does not apply to this field`);
    return { kind: 'id_is', needles: Object.freeze(needles.map(normalizeTextUncached)) };
  }
  const notes = Object.freeze(needles.map((n) => (needles.length > 1 ? `matched "${shortenForDisplay(n)}"` : undefined)));
  switch (operator) {
    case 'is':
    case 'starts_with':
      return { kind: operator, needles: Object.freeze(needles.map(normalizeTextUncached)), notes };
    case 'contains': {
      const normalized = needles.map(normalizeTextUncached);
      return {
        kind: 'contains',
        needles: Object.freeze(normalized),
        trigrams: Object.freeze(normalized.map((n) => Object.freeze(trigramHashes(n)))),
        notes,
      };
    }
    case 'contains_any_word': {
      const phrases = needles.map((n) => Object.freeze(wordsOf(normalizeTextUncached(n))));
      return {
        kind: 'words',
        phrases: Object.freeze(phrases),
        hashes: Object.freeze(phrases.map((words) => Object.freeze(wordHashes(words)))),
        notes,
      };
    }
    case 'matches_regex':
      return {
        kind: 'regex',
        patterns: Object.freeze(
          needles.map((pattern): RegexPattern => {
            const compiled = compileSafeRegexCached(pattern);
            if (!compiled.ok) return { ok: false, note: `cannot judge: unsafe or invalid regex (${compiled.reason})` };
            const regex = regexForNormalizedText(compiled.regex);
            const literals = requiredLiterals(compiled.regex.source);
            return {
              ok: true,
              regex,
              literals,
              literalTrigrams: Object.freeze((literals ?? []).map((l) => Object.freeze(trigramHashes(l)))),
              filterWindows: literals !== null && regex === compiled.regex,
            };
          }),
        ),
      };
    default:
      return fixed(`cannot judge: unknown operator "${operator}"`);
  }
}

function compileCondition(rawField: unknown, rawOperator: unknown, value: unknown): CompiledCondition {
  const field = String(rawField ?? '');
  const operator = String(rawOperator ?? '');
  const expected = operatorTakesValue(operator as ConditionOperator) ? describeExpected(value) : null;
  const kind = conditionFieldKind(field);
  if (!kind) {
    return Object.freeze({ node: 'condition', field, operator, expected, source: null, test: fixed(`unknown field "${field}"`), negate: false });
  }
  const positive = positiveOf(operator);
  return Object.freeze({
    node: 'condition',
    field,
    operator,
    expected,
    source: Object.freeze(sourceOf(field, kind)),
    test: Object.freeze(compileTest(kind, positive ?? (operator as ConditionOperator), value as ConditionValue | undefined)),
    negate: positive !== null,
  });
}

/*
 * Compiled members are remembered per condition / group object, together with
 * what they were compiled from; a hit is used only if the object still holds
 * exactly that (same field, operator, value and list elements; same match and
 * members), so editing a rule in place is seen at the next evaluation. Objects whose
 * text could change without that being visible (a value that is an object with its
 * own toString, say) are not remembered. The WeakMaps let rules be collected.
 */
interface ConditionEntry {
  field: unknown;
  operator: unknown;
  value: unknown;
  elements: readonly unknown[] | null;
  compiled: CompiledCondition;
}

interface GroupEntry {
  depth: number;
  match: 'all' | 'any';
  list: readonly unknown[];
  sources: readonly unknown[];
  compiled: CompiledGroup;
}

const conditionCache = new WeakMap<object, ConditionEntry>();
const groupCache = new WeakMap<object, GroupEntry>();
const NO_MEMBERS: readonly (Condition | ConditionGroup)[] = Object.freeze([]);
const TOO_DEEP: Readonly<Record<'all' | 'any', CompiledGroup>> = Object.freeze({
  all: Object.freeze({ node: 'group', match: 'all', tooDeep: true, members: Object.freeze([]) }),
  any: Object.freeze({ node: 'group', match: 'any', tooDeep: true, members: Object.freeze([]) }),
});

function isPrimitive(v: unknown): boolean {
  return v === null || (typeof v !== 'object' && typeof v !== 'function');
}

function sameElements(elements: readonly unknown[] | null, value: unknown): boolean {
  if (elements === null) return true;
  const list = value as readonly unknown[];
  if (list.length !== elements.length) return false;
  for (let i = 0; i < elements.length; i += 1) if (list[i] !== elements[i]) return false;
  return true;
}

/** The compiled form of one condition as it is now. */
export function prepareCondition(condition: Condition): CompiledCondition {
  if (typeof condition !== 'object' || condition === null) {
    return compileCondition(undefined, undefined, undefined);
  }
  const { field, operator, value } = condition;
  const entry = conditionCache.get(condition);
  if (
    entry !== undefined &&
    entry.field === field &&
    entry.operator === operator &&
    entry.value === value &&
    sameElements(entry.elements, value)
  ) {
    return entry.compiled;
  }
  const compiled = compileCondition(field, operator, value);
  const isList = Array.isArray(value);
  if (isPrimitive(field) && isPrimitive(operator) && (isPrimitive(value) || (isList && value.every(isPrimitive)))) {
    conditionCache.set(condition, { field, operator, value, elements: isList ? [...value] : null, compiled });
  }
  return compiled;
}

function prepareMember(member: Condition | ConditionGroup, depth: number): CompiledCondition | CompiledGroup {
  return isConditionGroup(member) ? prepareGroup(member, depth + 1) : prepareCondition(member);
}

/**
 * The compiled form of a group as it is now, at `depth` (1 for a rule's top-level
 * group). Compiled members are immutable: a compiled group is a snapshot.
 */
export function prepareGroup(group: ConditionGroup, depth: number): CompiledGroup {
  const match = group?.match === 'any' ? 'any' : 'all';
  if (depth > MAX_CONDITION_DEPTH) return TOO_DEEP[match];
  const list: readonly (Condition | ConditionGroup)[] = Array.isArray(group?.conditions) ? group.conditions : NO_MEMBERS;
  const cacheable = typeof group === 'object' && group !== null;
  const entry = cacheable ? groupCache.get(group) : undefined;
  if (entry !== undefined && entry.depth === depth && entry.match === match && entry.list === list && entry.sources.length === list.length) {
    let same = true;
    for (let i = 0; i < list.length && same; i += 1) {
      same = list[i] === entry.sources[i] && prepareMember(list[i], depth) === entry.compiled.members[i];
    }
    if (same) return entry.compiled;
  }
  const compiled: CompiledGroup = Object.freeze({
    node: 'group',
    match,
    tooDeep: false,
    members: Object.freeze(list.map((m) => prepareMember(m, depth))),
  });
  if (cacheable) groupCache.set(group, { depth, match, list, sources: [...list], compiled });
  return compiled;
}
