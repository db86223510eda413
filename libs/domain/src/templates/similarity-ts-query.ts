/** At most this many words of a message go into the query. */
export const MAX_SIMILARITY_TERMS = 32;
const MIN_WORD_LENGTH = 3;
const MAX_WORD_LENGTH = 40;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Words that say nothing about what a message is about: greetings, pronouns,
 * conjunctions, auxiliaries and question words in Polish and English (written
 * both with and without diacritics, as customers type them). Two-letter words
 * are dropped anyway.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  `
  dzień dzien dobry dobrze witam witajcie cześć czesc hej pozdrawiam pozdrowienia serdecznie uprzejmie dziękuję dziekuje dzięki dzieki
  proszę prosze prosić prosic prośba prosba bardzo pan pani panie państwo panstwo państwa panstwa szanowni szanowny szanowna
  mój moj moja moje mojego mojej moim moją moja mnie mną mna nam nas wam was ich jej jego nim niej ona one oni ono ten tej tego temu tym tę te ta to
  jest są sa był byl była byla było bylo były byly będzie bedzie będą beda być byc mam mamy ma mają maja miał mial miała miala
  się sie nie tak czy jak jaki jaka jakie jakiego gdzie kiedy dlaczego czemu co coś cos który ktory która ktora które ktore
  oraz albo lub ale że ze żeby zeby aby już juz jeszcze tylko też tez także takze może moze można mozna dla przez przy pod nad bez od do na po za
  wszystko wszystkie bardziej mniej teraz dziś dzis jutro wczoraj tutaj tam tu
  the and for you your yours with this that these those are was were been have has had will would could should can
  hello dear thanks thank please regards best kind from about what when where why how which who not but any some
  `.trim().split(/\s+/u),
);

/**
 * A PostgreSQL `to_tsquery('simple', …)` string that finds texts sharing words
 * with `text`: its meaningful words (no stop words, no words shorter than three
 * letters, no bare numbers), each shortened to a crude stem and matched as a
 * prefix, joined with OR. Polish inflects: `fakturę` → `faktu:*` also finds
 * `faktura` and `faktury`, `zamówienie` → `zamówieni:*` also finds `zamówienia`.
 *
 * Only letters and digits survive, so no tsquery syntax can be injected.
 * Diacritics stay: the database strips them with unaccent on both sides.
 * Returns null when no meaningful word is left.
 */
export function buildSimilarityTsQuery(text: string): string | null {
  if (typeof text !== 'string') return null;
  const terms: string[] = [];
  for (const match of text.normalize('NFC').matchAll(WORD)) {
    const word = match[0].toLowerCase();
    const letters = Array.from(word);
    if (letters.length < MIN_WORD_LENGTH || letters.length > MAX_WORD_LENGTH) continue;
    if (/^\p{N}+$/u.test(word) || STOP_WORDS.has(word)) continue;
    const term = stem(letters);
    if (terms.includes(term)) continue;
    terms.push(term);
    if (terms.length === MAX_SIMILARITY_TERMS) break;
  }
  return terms.length ? terms.map((term) => `${term}:*`).join(' | ') : null;
}

/** Drops the ending a Polish word most likely inflects: two letters of long words, one of medium ones. */
function stem(letters: string[]): string {
  const keep = letters.length >= 7 ? letters.length - 2 : letters.length >= 5 ? letters.length - 1 : letters.length;
  return letters.slice(0, keep).join('');
}
