import { describe, it, expect } from '@jest/globals';
import { buildPrefixTsQuery } from '../full-text-query.js';

/** What a single token may look like in the output: letters, digits and, from lowercasing, combining marks. */
const SAFE_TERM = /^[\p{L}\p{N}\p{M}]+:\*$/u;

function expectSafe(query: string | null): void {
  if (query === null) return;
  for (const term of query.split(' & ')) expect(term).toMatch(SAFE_TERM);
}

describe('buildPrefixTsQuery', () => {
  it('turns Polish search text into prefix terms joined with AND', () => {
    expect(buildPrefixTsQuery('Zamówienie nr 123 — zwrot!')).toBe('zamówienie:* & nr:* & 123:* & zwrot:*');
  });

  it('handles a single word', () => {
    expect(buildPrefixTsQuery('reklamacja')).toBe('reklamacja:*');
    expect(buildPrefixTsQuery('  ŻÓŁĆ  ')).toBe('żółć:*');
  });

  it('keeps diacritics (the database strips them on both sides)', () => {
    expect(buildPrefixTsQuery('Łódź Gdańsk')).toBe('łódź:* & gdańsk:*');
  });

  it('keeps letters typed with combining accents together', () => {
    expect(buildPrefixTsQuery('zamo\u0301wienie')).toBe('zamówienie:*');
  });

  it('splits on punctuation, e-mail addresses and ticket numbers alike', () => {
    expect(buildPrefixTsQuery('jan.kowalski@example.pl')).toBe('jan:* & kowalski:* & example:* & pl:*');
    expect(buildPrefixTsQuery('2026-000123')).toBe('2026:* & 000123:*');
    expect(buildPrefixTsQuery('e-mail')).toBe('e:* & mail:*');
  });

  it('works with other scripts', () => {
    expect(buildPrefixTsQuery('Привет мир')).toBe('привет:* & мир:*');
    expect(buildPrefixTsQuery('注文 123')).toBe('注文:* & 123:*');
  });

  it('uses each word once', () => {
    expect(buildPrefixTsQuery('zwrot Zwrot ZWROT towaru')).toBe('zwrot:* & towaru:*');
  });

  describe('never passes tsquery syntax through', () => {
    it.each([
      ['a & b', 'a:* & b:*'],
      ['a | b', 'a:* & b:*'],
      ['!a', 'a:*'],
      ['(a | b) & !c', 'a:* & b:* & c:*'],
      ["a:* & 'b'", 'a:* & b:*'],
      ['a:A', 'a:*'],
      ['a:*B', 'a:* & b:*'],
      ['a <-> b', 'a:* & b:*'],
      ['a <2> b', 'a:* & 2:* & b:*'],
      ['a\\b', 'a:* & b:*'],
      ["x' | '1", 'x:* & 1:*'],
      ["'); DROP TABLE tickets; --", 'drop:* & table:* & tickets:*'],
    ])('%p → %p', (input, expected) => {
      const query = buildPrefixTsQuery(input);
      expect(query).toBe(expected);
      expectSafe(query);
    });

    it('returns null when only operators were typed', () => {
      for (const input of ['&', '|', '!', '()', ':*', '<->', "''", '\\', '&|!():*<>\'\\', '— – … „ ” «»', '💥🔥']) {
        expect(buildPrefixTsQuery(input)).toBeNull();
      }
    });

    it('stays safe on every printable ASCII character', () => {
      let ascii = '';
      for (let code = 32; code < 127; code += 1) ascii += String.fromCharCode(code);
      const query = buildPrefixTsQuery(ascii);
      expectSafe(query);
      expect(query).not.toMatch(/[|!()<>'\\]/);
    });
  });

  it('returns null for empty or whitespace-only input', () => {
    expect(buildPrefixTsQuery('')).toBeNull();
    expect(buildPrefixTsQuery('   \t\n ')).toBeNull();
    expect(buildPrefixTsQuery(undefined as unknown as string)).toBeNull();
    expect(buildPrefixTsQuery(null as unknown as string)).toBeNull();
  });

  it('uses at most 8 words', () => {
    expect(buildPrefixTsQuery('a b c d e f g h i j')).toBe('a:* & b:* & c:* & d:* & e:* & f:* & g:* & h:*');
  });

  it('counts distinct words towards the limit of 8', () => {
    expect(buildPrefixTsQuery('a a a a a a a a a b')).toBe('a:* & b:*');
  });

  it('cuts words at 64 characters', () => {
    const long = 'ż'.repeat(100);
    expect(buildPrefixTsQuery(long)).toBe(`${'ż'.repeat(64)}:*`);
    expect(buildPrefixTsQuery(`${'A'.repeat(64)} b`)).toBe(`${'a'.repeat(64)}:* & b:*`);
  });

  it('counts characters, not UTF-16 units, when cutting', () => {
    const astral = '𝒜'.repeat(70); // a mathematical letter outside the BMP
    const query = buildPrefixTsQuery(astral);
    expect(query).not.toBeNull();
    expect(Array.from(query!.replace(/:\*$/, ''))).toHaveLength(64);
  });

  it('copes with very long input', () => {
    const query = buildPrefixTsQuery('słowo '.repeat(100_000));
    expect(query).toBe('słowo:*');
  });
});
