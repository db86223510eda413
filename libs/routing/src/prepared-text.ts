import { MAX_REGEX_HAYSTACK_LENGTH, pushLineWindows, splitRegexWindows } from './regex-windows.js';
import { collapseWhitespace, foldCharacters } from './text-folding.js';

const SHORT_LENGTH = 80;
const LINE_BREAKS = /\r\n|\r|\n/;
/** Whitespace other than line breaks that is not already a single space. */
const LINE_WHITESPACE_TO_COLLAPSE = /[^\S\r\n]{2,}|[^\S\r\n ]/g;
/** Letters and digits in any script: what counts as a word (as in textContainsAnyWord). */
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** Texts at least this long are worth the trigram and word filters (see PreparedText.mayInclude, containsPhrase). */
const FILTER_MIN_LENGTH = 256;

/** A text shortened for an explanation: the start, whitespace flattened, at most 80 characters. */
export function shortenForDisplay(s: string): string {
  // Only the start is shown: do not flatten a whole 100 KB body to display 80 characters.
  const flat = s.slice(0, SHORT_LENGTH * 4).replace(/\s+/gu, ' ').trim();
  return flat.length > SHORT_LENGTH ? `${flat.slice(0, SHORT_LENGTH - 1)}…` : flat;
}

/** Per BMP code unit: 0 not looked up yet, 1 letter or digit, 2 neither. */
const wordCharacterTable = new Uint8Array(0x10000);

/**
 * Whether the code point starting at `i` is a letter or digit, and its length in
 * code units (negative when it is not a word character).
 */
function wordCharacterAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) ? 1 : -1;
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return WORD_CHARACTER.test(s.slice(i, i + 2)) ? 2 : -2;
  }
  let known = wordCharacterTable[c];
  if (known === 0) {
    known = WORD_CHARACTER.test(String.fromCharCode(c)) ? 1 : 2;
    wordCharacterTable[c] = known;
  }
  return known === 1 ? 1 : -1;
}

/** Whether the code point that ends just before `i` is a letter or digit. */
function wordCharacterBefore(s: string, i: number): boolean {
  if (i <= 0) return false;
  const c = s.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = s.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return WORD_CHARACTER.test(s.slice(i - 2, i));
  }
  return wordCharacterAt(s, i - 1) > 0;
}

/**
 * The words of a text with where they start and end: the maximal runs of letters
 * and digits (`/[\p{L}\p{N}]+/gu`), found by one scan without a regex.
 */
function scanWords(s: string, each: (start: number, end: number) => void): void {
  let start = -1;
  let i = 0;
  while (i < s.length) {
    const step = wordCharacterAt(s, i);
    if (step > 0) {
      if (start < 0) start = i;
      i += step;
    } else {
      if (start >= 0) each(start, i);
      start = -1;
      i -= step;
    }
  }
  if (start >= 0) each(start, s.length);
}

/** The words of a normalised text (see normalizeText), in order. */
export function wordsOf(normalized: string): string[] {
  const words: string[] = [];
  scanWords(normalized, (start, end) => words.push(normalized.slice(start, end)));
  return words;
}

/**
 * Whether the words of `phrase` are, from `at` on (where a word starts), the next
 * words of `s`: each one whole, anything but letters and digits between them.
 */
function phraseAt(s: string, at: number, phrase: readonly string[]): boolean {
  let i = at;
  for (let k = 0; k < phrase.length; k += 1) {
    const word = phrase[k];
    if (!s.startsWith(word, i)) return false;
    i += word.length;
    if (i < s.length && wordCharacterAt(s, i) > 0) return false;
    if (k === phrase.length - 1) return true;
    // To the start of the next word.
    while (i < s.length) {
      const step = wordCharacterAt(s, i);
      if (step > 0) break;
      i -= step;
    }
  }
  return true;
}

/** Bits of the trigram filter (see PreparedText.mayInclude): 2^15, 4 KB a text. */
const TRIGRAM_BITS = 15;

function trigramHash(a: number, b: number, c: number): number {
  return Math.imul((a * 31 + b) * 31 + c, 0x9e3779b1) >>> (32 - TRIGRAM_BITS);
}

/**
 * The hashes of the three-character pieces of a string, for PreparedText.mayInclude
 * (computed once, when a rule is compiled).
 */
export function trigramHashes(s: string): number[] {
  const hashes: number[] = [];
  for (let i = 0; i + 3 <= s.length; i += 1) hashes.push(trigramHash(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2)));
  return hashes;
}

/** Bits of the word filter (see PreparedText.containsPhrase): 2^14, 2 KB a text. */
const WORD_BITS = 14;

/** FNV-1a over the UTF-16 code units of s[start, end), folded to WORD_BITS bits. */
function wordHash(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i += 1) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> (32 - WORD_BITS);
}

/** The hashes of the words of a phrase, for PreparedText.containsPhrase (computed once, when a rule is compiled). */
export function wordHashes(words: readonly string[]): number[] {
  return words.map((w) => wordHash(w, 0, w.length));
}

/** A text's normalised form and its regex windows, made together. */
interface Layout {
  normalized: string;
  windows: readonly string[];
}

/**
 * One text of the facts (subject, body, an address, a tag…) with everything the
 * conditions compare computed on first use and then kept: its normalised form,
 * its regex windows, its trigram and word filters, its shortened display. One
 * evaluation builds each of these at most once, however many conditions look at
 * the text.
 */
export class PreparedText {
  private folded: string | undefined = undefined;
  private layoutCache: Layout | undefined = undefined;
  private normalizedForm: string | undefined = undefined;
  private trigramBits: Uint32Array | undefined = undefined;
  private wordBits: Uint32Array | undefined = undefined;
  private windows: readonly string[] | undefined = undefined;
  private display: string | undefined = undefined;

  constructor(readonly raw: string) {}

  private fold(): string {
    if (this.folded === undefined) this.folded = foldCharacters(this.raw);
    return this.folded;
  }

  /**
   * The normalised text and the regex windows, made together from the lines of
   * the folded text (each line with its whitespace collapsed and trimmed is
   * normalizeText of that line). Only for texts no longer than the part a regex
   * searches; longer ones are normalised and split separately.
   */
  private layout(): Layout {
    if (this.layoutCache === undefined) {
      const lines = this.fold().replace(LINE_WHITESPACE_TO_COLLAPSE, ' ').split(LINE_BREAKS);
      const windows: string[] = [];
      const parts: string[] = [];
      for (const untrimmed of lines) {
        const line = untrimmed.trim();
        pushLineWindows(line, windows);
        if (line !== '') parts.push(line);
      }
      // Whitespace runs that span line breaks become one space, as in normalizeText.
      this.layoutCache = { normalized: parts.join(' '), windows };
    }
    return this.layoutCache;
  }

  /** normalizeText(raw). */
  get normalized(): string {
    if (this.normalizedForm === undefined) {
      if (this.raw === '') this.normalizedForm = '';
      else if (this.raw.length > MAX_REGEX_HAYSTACK_LENGTH) this.normalizedForm = collapseWhitespace(this.fold());
      else this.normalizedForm = this.layout().normalized;
    }
    return this.normalizedForm;
  }

  /** The windows a regex condition searches (see regexWindows in safe-regex). */
  get regexWindows(): readonly string[] {
    if (this.windows === undefined) {
      if (this.raw === '') this.windows = [''];
      else if (this.raw.length > MAX_REGEX_HAYSTACK_LENGTH) this.windows = splitRegexWindows(this.raw);
      else this.windows = this.layout().windows;
    }
    return this.windows;
  }

  /**
   * The phrase (the normalised words of a needle, at least one) occurs as
   * consecutive whole words of the normalised text, whatever non-word characters
   * stand between them: what textContainsAnyWord checks. `hashes` are those of its
   * words (see wordHashes): in a long text, a phrase with a word the text does not
   * have is rejected by looking the hash up in a bit set of the text's words.
   */
  containsPhrase(phrase: readonly string[], hashes: readonly number[]): boolean {
    if (phrase.length === 0 || phrase[0] === '') return false;
    const s = this.normalized;
    if (this.raw.length >= FILTER_MIN_LENGTH) {
      const bits = this.wordFilter();
      for (const h of hashes) if ((bits[h >>> 5] & (1 << (h & 31))) === 0) return false;
    }
    const first = phrase[0];
    for (let at = s.indexOf(first); at >= 0; at = s.indexOf(first, at + 1)) {
      if (!wordCharacterBefore(s, at) && phraseAt(s, at, phrase)) return true;
    }
    return false;
  }

  /** A bit per word hash of the normalised text (see wordHash). */
  private wordFilter(): Uint32Array {
    if (this.wordBits === undefined) {
      const bits = new Uint32Array(1 << (WORD_BITS - 5));
      const s = this.normalized;
      scanWords(s, (start, end) => {
        const h = wordHash(s, start, end);
        bits[h >>> 5] |= 1 << (h & 31);
      });
      this.wordBits = bits;
    }
    return this.wordBits;
  }

  /**
   * False when the normalised text certainly does not include a string with these
   * trigram hashes (see trigramHashes): one of its three-character pieces is not
   * in the text. A cheap test before `includes` on a long text; short texts always may.
   */
  mayInclude(trigrams: readonly number[]): boolean {
    if (trigrams.length === 0 || this.raw.length < FILTER_MIN_LENGTH) return true;
    if (this.trigramBits === undefined) {
      const bits = new Uint32Array(1 << (TRIGRAM_BITS - 5));
      const s = this.normalized;
      let a = s.charCodeAt(0);
      let b = s.charCodeAt(1);
      for (let i = 2; i < s.length; i += 1) {
        const c = s.charCodeAt(i);
        const h = trigramHash(a, b, c);
        bits[h >>> 5] |= 1 << (h & 31);
        a = b;
        b = c;
      }
      this.trigramBits = bits;
    }
    const bits = this.trigramBits;
    for (const h of trigrams) if ((bits[h >>> 5] & (1 << (h & 31))) === 0) return false;
    return true;
  }

  /** Whether the normalised text includes `needle` (whose trigrams are given, see trigramHashes). */
  includes(needle: string, trigrams: readonly number[]): boolean {
    return this.mayInclude(trigrams) && this.normalized.includes(needle);
  }

  /** The text as an explanation shows it. */
  get short(): string {
    if (this.display === undefined) this.display = shortenForDisplay(this.raw);
    return this.display;
  }
}
