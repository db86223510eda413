import { describe, it, expect } from '@jest/globals';
import { compileRules } from '../compile-rules.js';
import { compileConditions, evaluateConditions } from '../evaluate-conditions.js';
import { normalizeText } from '../normalize-text.js';
import { regexWindows } from '../safe-regex.js';
import { runRules } from '../run-rules.js';
import type { RuleRunResult } from '../run-rules.js';
import { textContainsAnyWord } from '../text-matchers.js';
import { RandomCorpus } from './random-corpus.js';
import { referenceEvaluateConditions, referenceNormalizeText, referenceRegexWindows, referenceRunRules } from './reference-engine.js';

/*
 * The optimised engine (facts prepared once per evaluation, conditions compiled)
 * against the engine as it was (reference-engine.ts), on seeded random corpora.
 * "The same" means the same JSON, key order included: results and explanations
 * are what the API returns and the audit log stores.
 */

const json = (v: unknown): string => JSON.stringify(v);

describe('normalisation and regex windows: same as before', () => {
  it('normalizeText equals the original on hard characters', () => {
    const r = new RandomCorpus(1);
    for (let i = 0; i < 3_000; i += 1) {
      const s = r.chars();
      expect([s, normalizeText(s)]).toEqual([s, referenceNormalizeText(s)]);
    }
  });

  it('regex windows equal the original (lines folded after splitting or before)', () => {
    const r = new RandomCorpus(2);
    for (let i = 0; i < 1_000; i += 1) {
      const s = r.chance(0.5) ? r.chars(200) : r.text(80);
      expect([s, regexWindows(s)]).toEqual([s, referenceRegexWindows(s)]);
    }
    // Past the searched part, and a cut in the middle of a combining sequence.
    for (const s of ['ab '.repeat(50_000), `${'x'.repeat(99_999)}e\u0301koniec`, `${'Ł\n'.repeat(60_000)}`]) {
      expect(regexWindows(s)).toEqual(referenceRegexWindows(s));
    }
  });

  it('final sigma next to a line break', () => {
    for (const s of ['ΑΣ\nΒ', 'Α\nΣΒ', 'ΑΣ.\nΒ', 'ΑΣ\r\nΒΣ', 'ΟΔΟΣ\rΟΔΟΣ']) {
      expect(regexWindows(s)).toEqual(referenceRegexWindows(s));
    }
  });
});

describe('evaluateConditions: same results and explanations as before', () => {
  it('plain and compiled groups on a random corpus', () => {
    const r = new RandomCorpus(3);
    for (let i = 0; i < 3_000; i += 1) {
      const group = r.group();
      const facts = r.facts();
      const expected = json(referenceEvaluateConditions(group, facts));
      expect(json(evaluateConditions(group, facts))).toBe(expected);
      expect(json(evaluateConditions(compileConditions(group), facts))).toBe(expected);
      // Again, now from the remembered compiled conditions.
      expect(json(evaluateConditions(group, facts))).toBe(expected);
    }
  });

  it('textContainsAnyWord and the prepared word matching agree', () => {
    const r = new RandomCorpus(4);
    for (let i = 0; i < 2_000; i += 1) {
      const text = r.text(20);
      const needles = r.some(['awaria', 'nie działa', 'zwrot', 'FV', 'e-mail', '123', 'Łódź', '!!!', ' '], 3);
      const group = { match: 'all' as const, conditions: [{ field: 'body' as const, operator: 'contains_any_word' as const, value: needles }] };
      const facts = { ...r.facts(), body: text };
      expect(evaluateConditions(group, facts).matched).toBe(needles.length > 0 && needles.some((n) => textContainsAnyWord(text, [n])));
    }
  });
});

describe('long texts (where prefilters and the trigram filter are used): same as before', () => {
  it('contains, contains_any_word, starts_with and regexes with needles cut from the text itself', () => {
    const r = new RandomCorpus(9);
    for (let i = 0; i < 1_500; i += 1) {
      const body = r.text(150);
      // Needles that are there (a piece of the text, whole words or not) and some that are not.
      const from = r.int(Math.max(1, body.length - 20));
      const piece = body.slice(from, from + 2 + r.int(25));
      const needles = [piece, piece.toUpperCase(), r.word(), `${r.word()} ${r.word()}`, r.pick(['zwrot', 'nie działa', 'łódź', 'σ'])];
      const group = {
        match: 'any' as const,
        conditions: [
          { field: 'body' as const, operator: 'contains' as const, value: r.some(needles, 3) },
          { field: 'body' as const, operator: 'not_contains' as const, value: r.pick(needles) },
          { field: 'body' as const, operator: 'contains_any_word' as const, value: r.some(needles, 3) },
          { field: 'body' as const, operator: 'starts_with' as const, value: r.pick(needles) },
          { field: 'body' as const, operator: 'matches_regex' as const, value: [r.pick(['zwr[oó]t', '\\bFV\\b', '(tel|fax)\\.?', 'σ', '\\d{3}']), piece.replace(/[\\^$.*+?()[\]{}|/]/gu, '\\$&')] },
        ],
      };
      const facts = { ...r.facts(), body };
      const expected = json(referenceEvaluateConditions(group, facts));
      expect(json(evaluateConditions(group, facts))).toBe(expected);
      expect(json(evaluateConditions(compileConditions(group), facts))).toBe(expected);
    }
  });
});

/** A run without the explanations of rules that did not match: everything else the same. */
function withoutSkippedExplanations(result: RuleRunResult): RuleRunResult {
  return {
    ...result,
    skipped: result.skipped.map((s) => (s.reason === 'conditions_not_met' ? { ...s, explanation: [] } : s)),
  };
}

describe('runRules without explaining skipped rules: the same run as with explanations', () => {
  const fast = { explainSkipped: false };

  it('same applied rules, their explanations, changes, effects, final facts and skipped rules on a random corpus', () => {
    const r = new RandomCorpus(15);
    let applied = 0;
    let notMet = 0;
    for (let i = 0; i < 1_500; i += 1) {
      const rules = r.rules();
      const compiled = compileRules(rules);
      for (let j = 0; j < 3; j += 1) {
        const facts = r.facts();
        const trigger = r.trigger();
        const timing = r.timing();
        const explained = runRules(compiled, trigger, facts, timing);
        const expected = json(withoutSkippedExplanations(explained));
        const plain = runRules(rules, trigger, facts, timing, fast);
        expect(json(plain)).toBe(expected);
        expect(json(runRules(compiled, trigger, facts, timing, fast))).toBe(expected);
        for (const s of plain.skipped) expect(s.explanation).toEqual([]);
        applied += explained.applied.length;
        notMet += explained.skipped.filter((s) => s.reason === 'conditions_not_met').length;
      }
    }
    // The corpus exercises both outcomes.
    expect(applied).toBeGreaterThan(100);
    expect(notMet).toBeGreaterThan(100);
  });

  it('long texts, where the prefilters decide', () => {
    const r = new RandomCorpus(16);
    for (let i = 0; i < 500; i += 1) {
      const rules = r.rules();
      const facts = { ...r.facts(), subject: r.text(20), body: r.text(150) };
      const trigger = r.trigger();
      const expected = json(withoutSkippedExplanations(runRules(rules, trigger, facts)));
      expect(json(runRules(compileRules(rules), trigger, facts, {}, fast))).toBe(expected);
    }
  });
});

describe('runRules: same results as before, compiled or not', () => {
  it('on a random corpus of rule sets, triggers, timings and facts', () => {
    const r = new RandomCorpus(5);
    for (let i = 0; i < 1_500; i += 1) {
      const rules = r.rules();
      const compiled = compileRules(rules);
      for (let j = 0; j < 3; j += 1) {
        const facts = r.facts();
        const trigger = r.trigger();
        const timing = r.timing();
        const expected = json(referenceRunRules(rules, trigger, facts, timing));
        expect(json(runRules(rules, trigger, facts, timing))).toBe(expected);
        expect(json(runRules(compiled, trigger, facts, timing))).toBe(expected);
      }
    }
  });

  it('later rules see tags added and removed by earlier ones', () => {
    const r = new RandomCorpus(6);
    const rules = [
      { id: 'a', name: 'a', enabled: true, order: 1, trigger: 'ticket_created' as const, stopProcessing: false,
        conditions: { match: 'all' as const, conditions: [] }, actions: [{ type: 'add_tag' as const, tag: 'Pilne' }] },
      { id: 'b', name: 'b', enabled: true, order: 2, trigger: 'ticket_created' as const, stopProcessing: false,
        conditions: { match: 'all' as const, conditions: [{ field: 'tag' as const, operator: 'is' as const, value: 'pilne' }] },
        actions: [{ type: 'remove_tag' as const, tag: 'PILNE' }, { type: 'set_priority' as const, priority: 'urgent' as const }] },
      { id: 'c', name: 'c', enabled: true, order: 3, trigger: 'ticket_created' as const, stopProcessing: false,
        conditions: { match: 'all' as const, conditions: [{ field: 'tag' as const, operator: 'is_empty' as const }] },
        actions: [{ type: 'add_tag' as const, tag: 'bez-tagow' }] },
    ];
    for (let i = 0; i < 50; i += 1) {
      const facts = { ...r.facts(), tags: r.some(['x', 'pilne'], 1) };
      const expected = json(referenceRunRules(rules, 'ticket_created', facts));
      expect(json(runRules(rules, 'ticket_created', facts))).toBe(expected);
      expect(json(runRules(compileRules(rules), 'ticket_created', facts))).toBe(expected);
    }
    const result = runRules(rules, 'ticket_created', { ...r.facts(), tags: [] });
    expect(result.applied.map((a) => a.ruleId)).toEqual(['a', 'b', 'c']);
    expect(result.finalFacts.tags).toEqual(['bez-tagow']);
  });
});
