import { describe, it, expect } from '@jest/globals';
import { textContains, textContainsAnyWord, textIs, textStartsWith } from '../text-matchers.js';

describe('textIs', () => {
  it('compares whole texts ignoring case, diacritics and spacing', () => {
    expect(textIs('Zwrót', 'zwrot')).toBe(true);
    expect(textIs('  Reklamacja   towaru ', 'REKLAMACJA TOWARU')).toBe(true);
    expect(textIs('Łódź', 'lodz')).toBe(true);
    expect(textIs('biuro@firma.pl', 'BIURO@FIRMA.PL')).toBe(true);
  });

  it('does not match a part of the text', () => {
    expect(textIs('Zwrot towaru', 'zwrot')).toBe(false);
    expect(textIs('zwrot', 'zwrot!')).toBe(false);
  });

  it('treats empty as equal only to empty', () => {
    expect(textIs('', '')).toBe(true);
    expect(textIs('   ', '')).toBe(true);
    expect(textIs('a', '')).toBe(false);
    expect(textIs(null as unknown as string, '')).toBe(true);
  });
});

describe('textContains', () => {
  it('finds the needle anywhere, even inside words', () => {
    expect(textContains('Reklamacja zamówienia nr 123', 'ZAMOWIENIA')).toBe(true);
    expect(textContains('Reklamacja', 'klamac')).toBe(true);
    expect(textContains('Zwrót towaru', 'rot')).toBe(true);
    expect(textContains('Dzień dobry, przesyłka nie dotarła', 'PRZESYŁKA NIE')).toBe(true);
  });

  it('ignores differences in whitespace', () => {
    expect(textContains('przesyłka\n\nnie   dotarła', 'przesylka nie dotarla')).toBe(true);
  });

  it('does not match what is not there', () => {
    expect(textContains('Reklamacja', 'zwrot')).toBe(false);
    expect(textContains('', 'zwrot')).toBe(false);
  });

  it('never matches an empty needle', () => {
    expect(textContains('cokolwiek', '')).toBe(false);
    expect(textContains('cokolwiek', '   ')).toBe(false);
    expect(textContains('', '')).toBe(false);
  });
});

describe('textStartsWith', () => {
  it('matches the beginning of the text', () => {
    expect(textStartsWith('RE: Zamówienie 55', 're:')).toBe(true);
    expect(textStartsWith('  Odp: Reklamacja', 'ODP')).toBe(true);
    expect(textStartsWith('Łódź, ul. Piotrkowska', 'lodz')).toBe(true);
  });

  it('does not match later in the text', () => {
    expect(textStartsWith('Fwd: RE: Zamówienie', 're:')).toBe(false);
  });

  it('never matches an empty needle', () => {
    expect(textStartsWith('cokolwiek', '')).toBe(false);
  });
});

describe('textContainsAnyWord', () => {
  it('matches a whole word regardless of case and punctuation', () => {
    expect(textContainsAnyWord('AWARIA!', ['awaria'])).toBe(true);
    expect(textContainsAnyWord('Pilne: awaria serwera', ['AWARIA'])).toBe(true);
    expect(textContainsAnyWord('(awaria)', ['awaria'])).toBe(true);
  });

  it('ignores diacritics on both sides', () => {
    expect(textContainsAnyWord('Zwrót towaru', ['zwrot'])).toBe(true);
    expect(textContainsAnyWord('Zwrot towaru', ['zwrót'])).toBe(true);
    expect(textContainsAnyWord('Przesyłka z Łodzi', ['lodzi'])).toBe(true);
  });

  it('does not match part of a word', () => {
    expect(textContainsAnyWord('zwrot', ['rot'])).toBe(false);
    expect(textContainsAnyWord('zwroty', ['zwrot'])).toBe(false);
    expect(textContainsAnyWord('reklamacja', ['reklama'])).toBe(false);
    expect(textContainsAnyWord('awarie', ['awaria'])).toBe(false);
  });

  it('matches when any of the words is present', () => {
    expect(textContainsAnyWord('Chcę oddać towar', ['zwrot', 'oddać', 'reklamacja'])).toBe(true);
    expect(textContainsAnyWord('Chcę oddać towar', ['zwrot', 'reklamacja'])).toBe(false);
  });

  it('matches a phrase as consecutive words', () => {
    expect(textContainsAnyWord('Nic nie DZIAŁA.', ['nie działa'])).toBe(true);
    expect(textContainsAnyWord('Drukarka nie,  działa!', ['nie działa'])).toBe(true);
    expect(textContainsAnyWord('Nie wiem, czy działa', ['nie działa'])).toBe(false);
    expect(textContainsAnyWord('działa nie', ['nie działa'])).toBe(false);
    expect(textContainsAnyWord('nienie działa', ['nie działa'])).toBe(false);
  });

  it('matches a phrase at the start and the end of the text', () => {
    expect(textContainsAnyWord('nie działa', ['nie działa'])).toBe(true);
    expect(textContainsAnyWord('nie działa od rana', ['nie działa'])).toBe(true);
    expect(textContainsAnyWord('od rana nie działa', ['nie działa'])).toBe(true);
  });

  it('treats punctuation in a word as a word boundary on both sides', () => {
    expect(textContainsAnyWord('Proszę o e-mail', ['e-mail'])).toBe(true);
    expect(textContainsAnyWord('Proszę o e mail', ['e-mail'])).toBe(true);
    expect(textContainsAnyWord('Zamówienie 2026-000123', ['000123'])).toBe(true);
  });

  it('matches numbers as words', () => {
    expect(textContainsAnyWord('Faktura nr 123.', ['123'])).toBe(true);
    expect(textContainsAnyWord('Faktura nr 1234', ['123'])).toBe(false);
  });

  it('ignores empty words and empty lists', () => {
    expect(textContainsAnyWord('awaria', [])).toBe(false);
    expect(textContainsAnyWord('awaria', [''])).toBe(false);
    expect(textContainsAnyWord('awaria', ['  ', '!!!'])).toBe(false);
    expect(textContainsAnyWord('awaria', ['', 'awaria'])).toBe(true);
    expect(textContainsAnyWord('', ['awaria'])).toBe(false);
    expect(textContainsAnyWord('awaria', undefined as unknown as string[])).toBe(false);
  });

  it('works with the non-decomposing letters', () => {
    expect(textContainsAnyWord('Die Straße ist gesperrt', ['strasse'])).toBe(true);
    expect(textContainsAnyWord('Smørrebrød', ['smorrebrod'])).toBe(true);
  });
});
