import { describe, expect, it } from '@jest/globals';
import { detectCustomerLanguage } from '../customer-language.js';

describe('the language a customer wrote in', () => {
  it('tells Polish by its letters and words, also written without diacritics', () => {
    expect(detectCustomerLanguage('Dzień dobry, paczka przyszła uszkodzona. Proszę o zwrot pieniędzy.')).toBe('pl');
    expect(detectCustomerLanguage('Dzien dobry, nie dostalem jeszcze paczki, czy mozna to sprawdzic? Pozdrawiam')).toBe('pl');
  });

  it('tells English by its words', () => {
    expect(detectCustomerLanguage('Hello, my order has not arrived yet. Could you please check where it is? Thanks, John')).toBe('en');
    expect(detectCustomerLanguage('Dear team, I received the wrong size. Can I return it?')).toBe('en');
  });

  it('keeps Polish for a Polish mail that names English things', () => {
    expect(detectCustomerLanguage('Dzień dobry, zamówiłem „The North Face Jacket” w rozmiarze M, a przyszła S. Proszę o wymianę.')).toBe('pl');
  });

  it('reads capitals, and words of other alphabets as whole words (a word is a run of letters of any alphabet)', () => {
    expect(detectCustomerLanguage('DZIEŃ DOBRY, GDZIE JEST MOJE ZAMÓWIENIE? POZDRAWIAM')).toBe('pl');
    expect(detectCustomerLanguage('HELLO, WHERE IS MY ORDER? THANK YOU')).toBe('en');
    // "naïve" and "für" are one word each, not "na" + "ve" (Polish) or "f" + "r".
    expect(detectCustomerLanguage('naïve für naïve für')).toBeNull();
    // Characters outside the basic plane (an emoji, a mathematical letter) neither join nor split the words around them.
    expect(detectCustomerLanguage('Thanks😀 please 𝐀 check my order')).toBe('en');
    expect(detectCustomerLanguage('x😀the 𝐀and')).toBeNull();
  });

  it('judges a long text by its first 2,000 characters', () => {
    const polish = 'Dzień dobry, proszę o informację, kiedy zamówienie zostanie wysłane. '.repeat(30); // 2,070 characters
    const english = 'Hello, could you please tell me when my order will be sent? Thank you. '.repeat(100);
    expect(detectCustomerLanguage(polish + english)).toBe('pl');
    expect(detectCustomerLanguage(english + polish)).toBe('en');
  });

  it('cannot tell from too little text', () => {
    expect(detectCustomerLanguage('')).toBeNull();
    expect(detectCustomerLanguage('12345 ???')).toBeNull();
    expect(detectCustomerLanguage('OK')).toBeNull();
  });
});
