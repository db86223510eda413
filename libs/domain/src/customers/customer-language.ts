/** The languages Okienko writes to customers in (acknowledgements, automatic answers, surveys). */
export const CUSTOMER_LANGUAGES = ['pl', 'en'] as const;
export type CustomerLanguage = (typeof CUSTOMER_LANGUAGES)[number];

export function isCustomerLanguage(value: unknown): value is CustomerLanguage {
  return typeof value === 'string' && (CUSTOMER_LANGUAGES as readonly string[]).includes(value);
}

const POLISH_LETTERS = /[ąćęłńóśźż]/giu;
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

/**
 * The language a customer most likely wrote in: Polish letters and Polish
 * function words against English ones. Null when the text gives too little
 * to tell (then the caller keeps its default, Polish).
 */
export function detectCustomerLanguage(text: string): CustomerLanguage | null {
  const sample = text.slice(0, 5000);
  const words = sample.toLocaleLowerCase('pl').match(/\p{L}+/gu) ?? [];
  let polish = (sample.match(POLISH_LETTERS) ?? []).length;
  let english = 0;
  for (const word of words) {
    if (POLISH_WORDS.has(word)) polish += 2;
    if (ENGLISH_WORDS.has(word)) english += 2;
  }
  if (polish === 0 && english === 0) return null;
  if (english > polish * 1.5 && english >= 4) return 'en';
  if (polish > english) return 'pl';
  return english >= 4 && english > polish ? 'en' : null;
}
