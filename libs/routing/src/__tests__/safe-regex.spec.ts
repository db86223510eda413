import { describe, it, expect } from '@jest/globals';
import { compileSafeRegex, regexWindows, testSafeRegex, REGEX_WINDOW_LENGTH } from '../safe-regex.js';

function ok(pattern: string) {
  const r = compileSafeRegex(pattern);
  if (!r.ok) throw new Error(`refused ${pattern}: ${r.reason}`);
  return r;
}

describe('compileSafeRegex: refusals', () => {
  it.each([
    ['(a+)+', 'quantifier'],
    ['(a*)*', 'quantifier'],
    ['(a+)*b', 'quantifier'],
    ['(?:a+){2,}', 'quantifier'],
    ['(\\w+\\s?)+$', 'quantifier'],
    ['^(([a-z])+.)+[A-Z]([a-z])+$', 'quantifier'],
    ['(x+x+)+y', 'quantifier'],
    ['((ab)*)+', 'quantifier'],
    ['(a|a)*', 'alternatives'],
    ['(a|ab)+', 'alternatives'],
    ['(\\w|\\d)+', 'alternatives'],
    ['(?:.|\\s)*x', 'alternatives'],
    ['(a|b|a)+$', 'alternatives'],
    ['(\\w)\\1', 'backreference'],
    ['(?<x>a)\\k<x>', 'backreference'],
    ['(?<=faktura )\\d+', 'lookbehind'],
    ['(?<!nie )działa', 'lookbehind'],
    ['a{1,5000}', 'counted'],
  ])('refuses %s', (pattern, reason) => {
    const r = compileSafeRegex(pattern);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('refuses too long, empty and invalid patterns', () => {
    expect(compileSafeRegex('a'.repeat(501)).ok).toBe(false);
    expect(compileSafeRegex('').ok).toBe(false);
    const bad = compileSafeRegex('(unclosed');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toContain('not a valid regular expression');
  });
});

describe('compileSafeRegex: accepted patterns work', () => {
  it.each([
    ['\\bFV\\s*\\d+', 'Przesyłam FV 2024/01', true],
    ['faktur[aey]', 'Gdzie jest FAKTURA?', true],
    ['zam[oó]wienie nr \\d+', 'Zamówienie NR 123', true],
    ['^re:', 'RE: pytanie', true],
    ['(?:ab)+c', 'xxababc', true],
    ['(foo|bar)+', 'bar', true],
    ['(a+)?b', 'aab', true],
    ['\\d{2}-\\d{3}', 'kod 00-950 Warszawa', true],
    ['order\\s+#?\\d+', 'order 55', true],
    ['\\bFV\\b', 'FVAT', false],
    ['^awaria$', 'awaria serwera', false],
  ])('%s on %s → %s', (pattern, text, expected) => {
    expect(testSafeRegex(ok(pattern), text)).toBe(expected);
  });

  it('ignores case and diacritics on both sides', () => {
    expect(testSafeRegex(ok('zwrot'), 'ZWRÓT towaru')).toBe(true);
    expect(testSafeRegex(ok('zwrót'), 'zwrot towaru')).toBe(true);
    expect(testSafeRegex(ok('łódź'), 'LODZ')).toBe(true);
    expect(testSafeRegex(ok('NIE DZIAŁA'), 'drukarka nie działa')).toBe(true);
  });

  it('keeps escapes that look like letters intact (\\S is not \\s)', () => {
    expect(testSafeRegex(ok('^\\S+$'), 'jedno')).toBe(true);
    expect(testSafeRegex(ok('^\\S+$'), 'dwa slowa')).toBe(false);
  });

  it('matches line by line', () => {
    expect(testSafeRegex(ok('^faktura'), 'Dzień dobry\nFaktura w załączniku')).toBe(true);
  });
});

describe('regex cost stays bounded', () => {
  it('cuts long lines into overlapping windows and caps the text', () => {
    const long = 'ab '.repeat(50_000);
    const windows = regexWindows(long);
    expect(windows.every((w) => w.length <= REGEX_WINDOW_LENGTH)).toBe(true);
    expect(windows.join('').length).toBeLessThan(200_000);
  });

  it('runs a quadratic-prone pattern on a 150 KB one-line text only over short windows, so its cost is bounded', () => {
    const text = 'ab '.repeat(50_000);
    for (const pattern of ['.*x', '(?:ab )+x']) {
      // The engine's work on one input grows with the square of its length at worst: what it is given decides the cost.
      const given: number[] = [];
      const safe = ok(pattern);
      const watched = new (class extends RegExp {
        override exec(input: string) {
          given.push(input.length);
          return super.exec(input);
        }
      })(safe.regex.source, safe.regex.flags);
      expect(testSafeRegex({ ...safe, regex: watched }, text)).toBe(false);
      expect(given.length).toBeGreaterThan(1);
      expect(Math.max(...given)).toBeLessThanOrEqual(REGEX_WINDOW_LENGTH);
      expect(given.reduce((sum, n) => sum + n, 0)).toBeLessThan(200_000);
    }
  });

  it('still finds a match near the end of the searched part', () => {
    expect(testSafeRegex(ok('koniec'), `${'x '.repeat(40_000)}koniec`)).toBe(true);
    expect(testSafeRegex(ok('koniec'), `${'x'.repeat(100_001)}koniec`)).toBe(false);
  });
});
