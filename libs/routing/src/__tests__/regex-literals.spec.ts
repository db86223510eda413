import { describe, it, expect } from '@jest/globals';
import { requiredLiterals } from '../regex-literals.js';
import { compileSafeRegex, regexWindows } from '../safe-regex.js';
import { RandomCorpus } from './random-corpus.js';

function literalsOf(pattern: string): readonly string[] | null {
  const compiled = compileSafeRegex(pattern);
  if (!compiled.ok) throw new Error(`refused ${pattern}: ${compiled.reason}`);
  return requiredLiterals(compiled.regex.source);
}

describe('requiredLiterals', () => {
  it.each([
    ['fv\\s*\\d+/\\d{4}', ['fv']],
    ['\\bzam[oó]wieni[ae]\\s+(nr|numer)\\s*\\d+', ['wieni']],
    ['\\b(tel|telefon)\\.?:?\\s*\\+?\\d', ['tel']],
    ['^(re|odp|AW|fwd?):', ['re', 'odp', 'aw', 'fw']],
    ['\\bnumer przesyłki:?\\s*\\d{10,24}', ['numer przesylki']],
    ['kod\\s+rabatowy:?\\s*[a-z0-9]{6,}', ['rabatowy']],
    ['https?://\\S+/zamowienie/\\d+', ['/zamowienie/']],
    ['ZWRÓT', ['zwrot']],
    ['ab+c', ['ab']],
    ['(?:ab)+c', ['ab']],
    ['(?:xy){2}z', ['xy']],
    ['nie\\.dzia[lł]a', ['nie.dzia']],
    ['\\b\\d{2}-\\d{3}', ['-']],
    ['(a|)b', ['b']],
    ['(?:abc)?d', ['d']],
    ['x(?=abc)', ['x']],
  ])('%s → %j', (pattern, literals) => {
    expect(literalsOf(pattern)).toEqual(literals);
  });

  it.each([
    ['(?:abc)?\\d'],
    ['(?:abc)*[de]'],
    ['\\w(?=abc)'],
    ['abc|\\d+'],
    ['a{0,3}'],
    ['[abc]+'],
    ['.*koniec|^$'],
    ['σοφία'],
  ])('names nothing for %s', (pattern) => {
    expect(literalsOf(pattern)).toBeNull();
  });

  it('never rules out a line a regex matches (random patterns and texts)', () => {
    const r = new RandomCorpus(7);
    const atoms = [
      'a', 'b', 'c', 'A', 'B', 'ab', 'ab', 'ba', 'abc', 'ca', 'a b', 'ł', 'ó', 'Ł', '1', '2', ' ', '-', ':', '/', '@', '\\.', '\\/', '\\d', '\\s', '\\w', '\\b', '\\B', '.',
      '[ab]', '[^a]', '[a-c ]', '^', '$', 'σ', 'ß', 'ﬁ',
    ];
    const quantifiers = ['', '', '', '?', '*', '+', '{0,2}', '{1,3}', '{2}', '+?', '*?'];
    const piece = (depth: number): string => {
      if (depth < 2 && r.chance(0.2)) {
        const open = r.pick(['(', '(?:', '(?=', '(?!', '(?<n' + r.int(1000) + '>']);
        const branches = Array.from({ length: 1 + r.int(3) }, () => sequence(depth + 1));
        // Quantified lookaheads are not valid in `u` mode.
        return `${open}${branches.join('|')})${open.startsWith('(?=') || open.startsWith('(?!') ? '' : r.pick(quantifiers)}`;
      }
      return r.pick(atoms) + r.pick(quantifiers);
    };
    const sequence = (depth: number): string => Array.from({ length: 1 + r.int(4) }, () => piece(depth)).join('');
    const text = (): string =>
      Array.from({ length: r.int(30) }, () => r.pick(['a', 'b', 'c', 'A', 'ab', 'abc', 'ł', 'Ł', 'ó', '1', '2', ' ', '  ', '\n', '-', ':', '/', '@', '.', 'σ', 'ss', 'fi', 'ſ', 'K', 'İ'])).join('');

    let checked = 0;
    let withLiterals = 0;
    for (let i = 0; i < 4_000; i += 1) {
      const pattern = r.chance(0.2) ? `${sequence(0)}|${sequence(0)}` : sequence(0);
      const compiled = compileSafeRegex(pattern);
      if (!compiled.ok) continue;
      const literals = requiredLiterals(compiled.regex.source);
      if (literals !== null) withLiterals += 1;
      for (let j = 0; j < 10; j += 1) {
        for (const window of regexWindows(text())) {
          const m = compiled.regex.exec(window);
          if (m === null || literals === null) continue;
          checked += 1;
          expect([pattern, window, literals.some((l) => m[0].includes(l) || window.includes(l))]).toEqual([pattern, window, true]);
          // The literal is in the match itself, not just somewhere in the line.
          expect([pattern, m[0], literals.some((l) => m[0].includes(l))]).toEqual([pattern, m[0], true]);
        }
      }
    }
    expect(withLiterals).toBeGreaterThan(500);
    expect(checked).toBeGreaterThan(500);
  });
});
