import { describe, it, expect } from '@jest/globals';
import { lowercasePattern, regexForNormalizedText } from '../normalized-regex.js';
import { compileSafeRegex, regexWindows } from '../safe-regex.js';
import { RandomCorpus } from './random-corpus.js';

describe('lowercasePattern', () => {
  it.each([
    ['\\bFV\\s*\\d+', '\\bfv\\s*\\d+'],
    ['^RE:\\S+$', '^re:\\S+$'],
    ['[a-z0-9_]+\\W\\B', '[a-z0-9_]+\\W\\B'],
    ['(?:Tel|FAX)\\.?', '(?:tel|fax)\\.?'],
    ['x(?=AB)(?!C)', 'x(?=ab)(?!c)'],
    ['[\\]\\-^]', '[\\]\\-^]'],
  ])('%s → %s', (pattern, lowered) => {
    expect(lowercasePattern(pattern)).toBe(lowered);
  });

  it.each([
    ['[A-Z]'],
    ['[^A-F]'],
    ['[FV]+'],
    ['[^K]'],
    ['[!-~]'],
    ['[\\b-z]'],
    ['σ'],
    ['zażółć'],
    ['\\p{Lu}'],
    ['\\u0046V'],
    ['\\x46'],
    ['\\cJ'],
    ['(?<Name>a)'],
  ])('keeps the original for %s', (pattern) => {
    expect(lowercasePattern(pattern)).toBeNull();
  });

  it('on normalised text the lowered regex finds exactly what the original finds', () => {
    const r = new RandomCorpus(8);
    const atoms = [
      'a', 'B', 'k', 'K', 's', 'S', 'fv', 'FV', 'x', '1', ' ', '-', ':', '\\.', '\\b', '\\B', '\\w', '\\W', '\\s', '\\S', '\\d', '\\D', '.',
      '[a-z]', '[^a-z]', '[A-Z]', '[AB]', '[^K]', '[fV]', '[0-9a-f]', '[^\\w]', '[!-/]', '[\\]-]', '^', '$', 'σ', 'ł',
    ];
    const quantifiers = ['', '', '?', '*', '+', '{1,2}', '+?'];
    const piece = (depth: number): string =>
      depth < 2 && r.chance(0.15)
        ? `${r.pick(['(', '(?:', '(?='])}${Array.from({ length: 1 + r.int(2) }, () => sequence(depth + 1)).join('|')})`
        : r.pick(atoms) + r.pick(quantifiers);
    const sequence = (depth: number): string => Array.from({ length: 1 + r.int(4) }, () => piece(depth)).join('');
    let lowered = 0;
    for (let i = 0; i < 3_000; i += 1) {
      const compiled = compileSafeRegex(sequence(0));
      if (!compiled.ok) continue;
      const fast = regexForNormalizedText(compiled.regex);
      if (fast !== compiled.regex) lowered += 1;
      for (let j = 0; j < 8; j += 1) {
        const text = r.chance(0.5) ? r.chars(40) : r.text(10);
        for (const window of regexWindows(text)) {
          const a = compiled.regex.exec(window);
          const b = fast.exec(window);
          expect([compiled.regex.source, window, b?.index, b?.[0]]).toEqual([compiled.regex.source, window, a?.index, a?.[0]]);
        }
      }
    }
    expect(lowered).toBeGreaterThan(1_000);
  });
});
