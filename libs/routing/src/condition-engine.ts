import type { ConditionExplanation, ConditionGroupExplanation, ConditionResultExplanation } from './evaluate-conditions.js';
import type { FactsView } from './facts-view.js';
import { shortenForDisplay } from './prepared-text.js';
import type { PreparedText } from './prepared-text.js';
import type { CompiledCondition, CompiledGroup, Source, Test } from './condition-compile.js';

/*
 * The condition engine. A condition is compiled once into what does not depend on
 * the ticket — its field reader, its normalised needles, its phrases as words, its
 * regexes, its display, and every verdict that is fixed whatever the ticket
 * ("cannot judge: …") — and then judged against a FactsView, which prepares each
 * text of the ticket once per evaluation. Compiling is condition-compile.ts; this
 * file judges. Internal: the public entry points are
 * evaluateConditions / compileConditions and runRules / compileRules.
 *
 * Most conditions do not match most mails, so the work goes into saying "no"
 * cheaply, always soundly (a filter may let a text through, never keep a match out):
 * a needle or regex literal with a three-character piece the text does not have
 * cannot be in it (PreparedText.mayInclude); a phrase with a word the text does not
 * have cannot match (PreparedText.containsPhrase); a regex runs only on texts that
 * hold one of the literals every match must contain (requiredLiterals), and in a
 * form without the costly `i` flag where that matches the same on normalised text
 * (regexForNormalizedText).
 *
 * The result is, condition by condition and note by note, what the original
 * per-condition evaluation gave (see __tests__/reference-engine.ts and the
 * equivalence tests): every member of a group is evaluated (no short-circuit), so
 * explanations stay complete; a condition that cannot be judged never matches, not
 * even negated. Where only the verdict is needed, matchesCompiledGroup gives the same
 * verdict without building an explanation, stopping an `all` group at the first
 * member that does not match and an `any` group at the first that does.
 */

const NOT_MATCHED = 0;
const MATCHED = 1;
/** Could not be judged (an unsafe regex after patterns that did not match): never matches. */
const CANNOT_JUDGE = 2;
type Verdict = typeof NOT_MATCHED | typeof MATCHED | typeof CANNOT_JUDGE;

function readBoolean(field: 'has_attachments' | 'business_hours', view: FactsView): boolean {
  return field === 'has_attachments' ? view.facts.hasAttachments === true : view.facts.withinBusinessHours === true;
}

/**
 * The note of the last judgement (what matched, or why it could not be judged), or
 * undefined. Set by the judge functions, read right after them: evaluation is
 * synchronous, and the explanation object is then built in one go with a fixed shape.
 */
let judgedNote: string | undefined;

function hit(note: string | undefined): Verdict {
  judgedNote = note;
  return MATCHED;
}

function cannotJudge(note: string): Verdict {
  judgedNote = note;
  return CANNOT_JUDGE;
}

function containsAny(text: string, literals: readonly string[]): boolean {
  for (const l of literals) if (text.includes(l)) return true;
  return false;
}

type TextTest = Extract<Test, { kind: 'is' | 'contains' | 'starts_with' | 'words' }>;

/** Needle `i` of a text test against one text. */
function needleMatches(test: TextTest, i: number, text: PreparedText): boolean {
  switch (test.kind) {
    case 'is':
      return text.normalized === test.needles[i];
    case 'contains': {
      const needle = test.needles[i];
      return needle !== '' && text.includes(needle, test.trigrams[i]);
    }
    case 'starts_with': {
      const needle = test.needles[i];
      return needle !== '' && text.normalized.startsWith(needle);
    }
    case 'words':
      return text.containsPhrase(test.phrases[i], test.hashes[i]);
  }
}

/**
 * Judges a test against a text field (`items` null, `single` the text) or a list
 * field (`items` its texts): "any needle in any text", needles in order.
 */
function judgeTexts(test: Test, single: PreparedText | null, items: readonly PreparedText[] | null): Verdict {
  const count = items === null ? 1 : items.length;
  const textAt = (k: number): PreparedText => (items === null ? (single as PreparedText) : items[k]);
  switch (test.kind) {
    case 'fixed':
      return cannotJudge(test.note);
    case 'empty':
      for (let k = 0; k < count; k += 1) if (textAt(k).normalized !== '') return NOT_MATCHED;
      return MATCHED;
    case 'is':
    case 'contains':
    case 'starts_with':
    case 'words': {
      const needles = test.kind === 'words' ? test.phrases : test.needles;
      for (let i = 0; i < needles.length; i += 1) {
        for (let k = 0; k < count; k += 1) if (needleMatches(test, i, textAt(k))) return hit(test.notes[i]);
      }
      return NOT_MATCHED;
    }
    case 'regex':
      for (const pattern of test.patterns) {
        if (!pattern.ok) return cannotJudge(pattern.note);
        const { regex, literals, literalTrigrams, filterWindows } = pattern;
        for (let k = 0; k < count; k += 1) {
          const t = textAt(k);
          // Every window is part of the normalised text: without a literal there, no window can match.
          if (literals !== null && !literals.some((l, j) => t.includes(l, literalTrigrams[j]))) continue;
          for (const window of t.regexWindows) {
            if (filterWindows && !containsAny(window, literals as readonly string[])) continue;
            const m = regex.exec(window);
            if (m !== null) return hit(`matched "${shortenForDisplay(m[0])}"`);
          }
        }
      }
      return NOT_MATCHED;
    default:
      return NOT_MATCHED; // not compiled for a text field
  }
}

function judgeId(test: Test, value: string | null, view: FactsView): Verdict {
  switch (test.kind) {
    case 'fixed':
      return cannotJudge(test.note);
    case 'empty':
      return value === null || (typeof value === 'string' && value.trim() === '') ? MATCHED : NOT_MATCHED;
    case 'id_is':
      return value !== null && test.needles.includes(view.normalizedId(value)) ? MATCHED : NOT_MATCHED;
    default:
      return NOT_MATCHED; // not compiled for an identifier field
  }
}

function judgeBoolean(test: Test, value: boolean): Verdict {
  switch (test.kind) {
    case 'fixed':
      return cannotJudge(test.note);
    case 'boolean':
      return value === test.want ? MATCHED : NOT_MATCHED;
    default:
      return NOT_MATCHED; // not compiled for a yes/no field
  }
}

export function evaluateCompiledCondition(c: CompiledCondition, view: FactsView): ConditionResultExplanation {
  const { source, test } = c;
  let actual = '';
  let matched = false;
  judgedNote = undefined;
  if (source === null) {
    judgedNote = (test as { note: string }).note;
  } else {
    let verdict: Verdict;
    switch (source.kind) {
      case 'text':
      case 'customer_field':
      case 'form_field': {
        const text = textOf(source, view);
        actual = text.short;
        verdict = judgeTexts(test, text, null);
        break;
      }
      case 'list': {
        const list = view.list(source.field);
        actual = list.short;
        verdict = judgeTexts(test, null, list.items);
        break;
      }
      case 'id': {
        const value = view.id(source.field);
        actual = (value ?? '') as string;
        verdict = judgeId(test, value, view);
        break;
      }
      case 'boolean': {
        const value = readBoolean(source.field, view);
        actual = String(value);
        verdict = judgeBoolean(test, value);
        break;
      }
    }
    matched = verdict === CANNOT_JUDGE ? false : (verdict === MATCHED) !== c.negate;
  }
  const note = judgedNote;
  return note === undefined
    ? { type: 'condition', field: c.field, operator: c.operator, expected: c.expected, actual, matched }
    : { type: 'condition', field: c.field, operator: c.operator, expected: c.expected, actual, matched, note };
}

/** Evaluates every member (no short-circuit, so the explanation is complete). */
export function evaluateCompiledGroup(group: CompiledGroup, view: FactsView): ConditionGroupExplanation {
  const { match, members } = group;
  if (group.tooDeep) return { type: 'group', match, matched: false, items: [] };
  const items: ConditionExplanation[] = [];
  let matched = members.length === 0 || match === 'all';
  for (const member of members) {
    const item = member.node === 'group' ? evaluateCompiledGroup(member, view) : evaluateCompiledCondition(member, view);
    items.push(item);
    if (match === 'all' ? !item.matched : item.matched) matched = match === 'any';
  }
  return { type: 'group', match, matched, items };
}

/** The text a text source reads: a field of the ticket, a customer field or a web form field. */
function textOf(source: Extract<Source, { kind: 'text' | 'customer_field' | 'form_field' }>, view: FactsView) {
  if (source.kind === 'text') return view.text(source.field);
  return source.kind === 'form_field' ? view.formField(source.name) : view.customerField(source.name);
}

/** Whether a condition matches: the verdict of evaluateCompiledCondition, without its explanation. */
export function matchesCompiledCondition(c: CompiledCondition, view: FactsView): boolean {
  const { source, test } = c;
  if (source === null) return false;
  let verdict: Verdict;
  switch (source.kind) {
    case 'text':
    case 'customer_field':
    case 'form_field':
      verdict = judgeTexts(test, textOf(source, view), null);
      break;
    case 'list':
      verdict = judgeTexts(test, null, view.list(source.field).items);
      break;
    case 'id':
      verdict = judgeId(test, view.id(source.field), view);
      break;
    case 'boolean':
      verdict = judgeBoolean(test, readBoolean(source.field, view));
      break;
  }
  return verdict === CANNOT_JUDGE ? false : (verdict === MATCHED) !== c.negate;
}

/**
 * Whether a group matches: the verdict of evaluateCompiledGroup, without building an
 * explanation, and short-circuiting: `all` stops at the first member that does not
 * match, `any` at the first that does (an empty group matches, as there).
 */
export function matchesCompiledGroup(group: CompiledGroup, view: FactsView): boolean {
  if (group.tooDeep) return false;
  const { match, members } = group;
  const wanted = match === 'any';
  for (const member of members) {
    const matched = member.node === 'group' ? matchesCompiledGroup(member, view) : matchesCompiledCondition(member, view);
    if (matched === wanted) return wanted;
  }
  return members.length === 0 || !wanted;
}
