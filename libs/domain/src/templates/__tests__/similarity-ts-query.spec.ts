import { describe, expect, it } from '@jest/globals';
import { buildSimilarityTsQuery, MAX_SIMILARITY_TERMS } from '../similarity-ts-query.js';

const SAFE_TERM = /^[\p{L}\p{N}\p{M}]+:\*$/u;

function terms(text: string): string[] {
  const query = buildSimilarityTsQuery(text);
  if (query === null) return [];
  const parts = query.split(' | ');
  for (const part of parts) expect(part).toMatch(SAFE_TERM);
  return parts.map((part) => part.slice(0, -2));
}

describe('buildSimilarityTsQuery', () => {
  it('keeps the meaningful words of a customer question as stems joined with OR', () => {
    expect(buildSimilarityTsQuery('Gdzie jest moje zamówienie? Kiedy zostanie wysłane?')).toBe('zamówien:* | zostan:* | wysła:*');
    expect(buildSimilarityTsQuery('Proszę o fakturę VAT do zamówienia')).toBe('faktu:* | vat:* | zamówien:*');
  });

  it('drops greetings, pronouns, question words and other stop words, with or without diacritics', () => {
    expect(terms('Dzień dobry, czy mogę prosić? Pozdrawiam serdecznie, dziekuje')).toEqual(['mogę']);
    expect(terms('Hello, where is my order? Thanks, regards')).toEqual(['orde']);
  });

  it('drops words shorter than three letters and bare numbers, keeps words with digits', () => {
    expect(terms('a i w z do na 12345 2026-000123 nr A4 iPhone15')).toEqual(['iphone']);
  });

  it('shortens long words by two letters, medium ones by one, keeps short ones', () => {
    expect(terms('reklamacja paczka buty vat')).toEqual(['reklamac', 'paczk', 'buty', 'vat']);
  });

  it('lowercases, joins words typed with combining accents and keeps each stem once', () => {
    expect(terms('FAKTURA faktury Faktura zamo\u0301wienie')).toEqual(['faktu', 'zamówien']);
  });

  it('never lets tsquery syntax through', () => {
    for (const text of ["faktura' | !zwrot & (x) <-> y:* \\", "'); DROP TABLE templates; --", 'a:*b & c | !d']) {
      terms(text);
    }
    expect(terms('faktura&zwrot|paczka!')).toEqual(['faktu', 'zwro', 'paczk']);
  });

  it('answers null when nothing meaningful is left', () => {
    expect(buildSimilarityTsQuery('')).toBeNull();
    expect(buildSimilarityTsQuery('Dzień dobry!')).toBeNull();
    expect(buildSimilarityTsQuery('123 456 ?!')).toBeNull();
    expect(buildSimilarityTsQuery(undefined as unknown as string)).toBeNull();
  });

  it('uses at most 32 terms, skips absurdly long words, and reads a huge message as its words', () => {
    const words = Array.from({ length: 100 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}kategoria`);
    expect(terms(words.join(' '))).toHaveLength(MAX_SIMILARITY_TERMS);
    expect(terms(`${'x'.repeat(41)} zwrot`)).toEqual(['zwro']);
    expect(terms('zamówienie '.repeat(200_000))).toEqual(terms('zamówienie'));
  });

  it('works with other scripts', () => {
    expect(terms('Где мой заказ')).toEqual(['где', 'мой', 'зака']);
  });
});
