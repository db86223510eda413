/** The languages Okienko writes to customers in (acknowledgements, automatic answers, surveys). */
export const CUSTOMER_LANGUAGES = ['pl', 'en'] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];

export function isCustomerLanguage(value: unknown): value is CustomerLanguage {
  return typeof value === 'string' && (CUSTOMER_LANGUAGES as readonly string[]).includes(value);
}

const POLISH_LETTERS = new Set('ąćęłńóśźż');
const LETTER = /^\p{L}$/u;
const POLISH_WORDS = new Set([
  'i', 'w', 'z', 'na', 'nie', 'się', 'to', 'że', 'do', 'jest', 'jak', 'ale', 'czy', 'mam', 'mój', 'moje', 'moja', 'oraz', 'po',
  'dla', 'od', 'przez', 'już', 'jeszcze', 'bardzo', 'proszę', 'dzień', 'dobry', 'dziękuję', 'pozdrawiam', 'zamówienie', 'paczka',
  'kiedy', 'gdzie', 'tak', 'tylko', 'który', 'która', 'które', 'być', 'był', 'była', 'można', 'mogę', 'chcę', 'pan', 'pani', 'państwo',
]);
const ENGLISH_WORDS = new Set([
  'the', 'and', 'is', 'are', 'was', 'were', 'to', 'of', 'in', 'for', 'on', 'with', 'my', 'your', 'i', 'you', 'it', 'this', 'that',
  'have', 'has', 'not', 'please', 'hello', 'hi', 'thanks', 'thank', 'regards', 'order', 'would', 'could', 'can', 'when', 'where',
  'what', 'did', 'do', 'does', 'from', 'be', 'been', 'an', 'a', 'at', 'but', 'if', 'dear', 'received', 'yet', 'still',
]);

/** How much of a text is read to tell its language: a few hundred words tell, and every mail is judged on arrival. */
const SAMPLE_CHARACTERS = 2000;

/** A score at which a language that leads the other fourfold has won: the rest of the text is not read. */
const CLEAR_LEAD = 20;

/**
 * The language a customer most likely wrote in, from the text's first 2,000
 * characters (fewer once one language clearly leads): Polish letters and
 * Polish function words against English ones. Null when the text gives too
 * little to tell (then the caller keeps its default, Polish).
 */
export function detectCustomerLanguage(text: string): CustomerLanguage | null {
  // Polish has no casing rules of its own: lower case is the same as `toLocaleLowerCase('pl')`, without the locale's cost.
  const sample = text.slice(0, SAMPLE_CHARACTERS).toLowerCase();
  let polish = 0;
  let english = 0;
  // One pass over the text: its words (runs of letters, any alphabet) and its Polish letters. Most mail is ASCII and
  // Polish letters; only other characters ask the Unicode letter class.
  let start = -1;
  for (let i = 0; i <= sample.length; i++) {
    const code = i < sample.length ? sample.charCodeAt(i) : 32;
    let width = 1;
    let letter: boolean;
    if (code < 128) {
      letter = code >= 97 && code <= 122;
    } else if (code >= 0xd800 && code <= 0xdbff && i + 1 < sample.length) {
      width = 2;
      letter = LETTER.test(sample.slice(i, i + 2));
    } else {
      const char = sample[i];
      if (POLISH_LETTERS.has(char)) {
        polish += 1;
        letter = true;
      } else {
        letter = LETTER.test(char);
      }
    }
    if (letter) {
      if (start < 0) start = i;
      i += width - 1;
      continue;
    }
    if (start >= 0) {
      const word = sample.slice(start, i);
      if (POLISH_WORDS.has(word)) polish += 2;
      if (ENGLISH_WORDS.has(word)) english += 2;
      start = -1;
      if (polish >= CLEAR_LEAD && english * 4 <= polish) return 'pl';
      if (english >= CLEAR_LEAD && polish * 4 <= english) return 'en';
    }
  }
  if (polish === 0 && english === 0) return null;
  if (english > polish * 1.5 && english >= 4) return 'en';
  if (polish > english) return 'pl';
  return english >= 4 && english > polish ? 'en' : null;
}
