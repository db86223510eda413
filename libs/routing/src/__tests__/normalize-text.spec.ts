import { describe, it, expect } from '@jest/globals';
import { normalizeText } from '../normalize-text.js';

describe('normalizeText', () => {
  it('lowercases', () => {
    expect(normalizeText('AWARIA Serwera')).toBe('awaria serwera');
  });

  it('strips every Polish diacritic, lower and upper case', () => {
    expect(normalizeText('ąćęłńóśźż')).toBe('acelnoszz');
    expect(normalizeText('ĄĆĘŁŃÓŚŹŻ')).toBe('acelnoszz');
    expect(normalizeText('Zażółć gęślą jaźń')).toBe('zazolc gesla jazn');
  });

  it('maps the letters decomposition leaves whole', () => {
    expect(normalizeText('Łódź')).toBe('lodz');
    expect(normalizeText('ł Ł')).toBe('l l');
    expect(normalizeText('Đakovo đ')).toBe('dakovo d');
    expect(normalizeText('København Ø')).toBe('kobenhavn o');
    expect(normalizeText('Straße')).toBe('strasse');
    expect(normalizeText('STRAẞE')).toBe('strasse');
    expect(normalizeText('Æble æ')).toBe('aeble ae');
    expect(normalizeText('Œuvre œ')).toBe('oeuvre oe');
  });

  it('strips accents from other languages', () => {
    expect(normalizeText('Crème brûlée')).toBe('creme brulee');
    expect(normalizeText('Příliš žluťoučký kůň')).toBe('prilis zlutoucky kun');
    expect(normalizeText('Müller Ñandú')).toBe('muller nandu');
    expect(normalizeText('İstanbul')).toBe('istanbul');
  });

  it('treats precomposed and combining spellings alike', () => {
    expect(normalizeText('zamo\u0301wienie')).toBe(normalizeText('zamówienie'));
    expect(normalizeText('zamo\u0301wienie')).toBe('zamowienie');
  });

  it('spells out compatibility characters', () => {
    expect(normalizeText('ﬁrma')).toBe('firma');
    expect(normalizeText('ＡＷＡＲＩＡ １２３')).toBe('awaria 123');
    expect(normalizeText('m²')).toBe('m2');
    expect(normalizeText('ℌ')).toBe('h');
  });

  it('collapses and trims whitespace of every kind', () => {
    expect(normalizeText('  nie \t\n  działa  ')).toBe('nie dziala');
    expect(normalizeText('nie\u00a0działa')).toBe('nie dziala');
    expect(normalizeText('nie\u2003\u3000działa')).toBe('nie dziala');
    expect(normalizeText('\r\n')).toBe('');
  });

  it('leaves punctuation and digits alone', () => {
    expect(normalizeText('Zamówienie nr 123 — zwrot!')).toBe('zamowienie nr 123 — zwrot!');
    expect(normalizeText('RE: [#2026-000123]')).toBe('re: [#2026-000123]');
  });

  it('is idempotent', () => {
    for (const s of ['Zażółć gęślą jaźń', 'STRAẞE', 'ﬁ  Œ\tø', '  ']) {
      expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
    }
  });

  it('gives an empty string for empty or missing text', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText(null as unknown as string)).toBe('');
    expect(normalizeText(undefined as unknown as string)).toBe('');
  });
});
