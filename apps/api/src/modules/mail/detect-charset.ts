import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

/**
 * The charset of 8-bit text that does not say which it is (raw bytes in a
 * header, a body without `charset=`), as a name iconv-lite knows.
 *
 * UTF-8 when the bytes are valid UTF-8. Otherwise the statistical detector
 * (jschardet) decides for the multi-byte East Asian charsets (GB18030/GB2312,
 * Big5, Shift_JIS, EUC-JP, EUC-KR) and the Cyrillic, Greek, Hebrew and Thai
 * ones. Latin text is too short in a subject for statistics to tell ISO-8859-2
 * from Windows-1250 or Windows-1252, so the letters decide there: Polish,
 * Czech and Slovak letters stand where the Western charsets have symbols
 * (0xB1 `ą` in ISO-8859-2 is `±`, 0xB9 `ą` in Windows-1250 is `¹`), and bytes
 * 0x80–0x9F exist only in the Windows charsets.
 */
export function detectCharset(bytes: Uint8Array): string {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024));
  if (isUtf8(sample)) return 'utf-8';
  const guess = safeDetect(sample);
  const name = guess ? CHARSET_NAMES.get(guess.encoding.toLowerCase()) : undefined;
  if (guess && name && readsCleanly(sample, name)) {
    // Chinese, Japanese, Korean: read as such, and mostly 8-bit bytes where Latin words have a few among ASCII letters.
    if (EAST_ASIAN.has(name) && mostlyCjk(iconv.decode(sample, name)) && (guess.confidence >= 0.2 || highByteShareOfWords(sample) >= 0.7)) return name;
    // Cyrillic, Greek, Hebrew: words wholly of 8-bit letters; Latin text has them next to ASCII letters.
    if (!EAST_ASIAN.has(name) && (guess.confidence >= 0.2 || !touchesAsciiLetters(sample)) && !latinLetters(sample)) return name;
  }
  return latinCharset(sample);
}

/** Whether the bytes decode in this charset without a replacement character. */
export function readsCleanly(bytes: Uint8Array, charset: string): boolean {
  if (!iconv.encodingExists(charset)) return false;
  return !iconv.decode(Buffer.from(bytes), charset).includes('\uFFFD');
}

function safeDetect(sample: Buffer): { encoding: string; confidence: number } | null {
  try {
    const result = jschardet.detect(sample);
    return result && typeof result.encoding === 'string' ? { encoding: result.encoding, confidence: result.confidence } : null;
  } catch {
    return null;
  }
}

const EAST_ASIAN = new Set(['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr']);

/** jschardet's names → the charsets used to decode (supersets where senders mislabel: GB2312 → GB18030, CP932 ⊃ Shift_JIS). */
const CHARSET_NAMES = new Map<string, string>([
  ['gb18030', 'gb18030'], ['gb2312', 'gb18030'], ['big5', 'big5'],
  ['shift_jis', 'shift_jis'], ['cp932', 'shift_jis'], ['euc-jp', 'euc-jp'], ['euc-kr', 'euc-kr'], ['cp949', 'euc-kr'],
  ['koi8-r', 'koi8-r'], ['koi8-u', 'koi8-u'], ['windows-1251', 'windows-1251'], ['iso-8859-5', 'iso-8859-5'],
  ['ibm866', 'ibm866'], ['maccyrillic', 'maccyrillic'],
  ['iso-8859-7', 'iso-8859-7'], ['windows-1253', 'windows-1253'], ['iso-8859-8', 'iso-8859-8'], ['windows-1255', 'windows-1255'],
  ['tis-620', 'tis-620'],
]);

/** Whether nearly all non-ASCII characters are Han, kana, Hangul or CJK punctuation and full-width forms. */
function mostlyCjk(text: string): boolean {
  const other = text.replace(/[\u0000-\u007f]/g, '');
  if (other === '') return false;
  const cjk = other.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/gu)?.length ?? 0;
  return cjk >= other.length * 0.9;
}

/** Of the words (between ASCII spaces and punctuation) that hold bytes ≥ 0x80, the share of such bytes. */
function highByteShareOfWords(bytes: Uint8Array): number {
  let high = 0;
  let total = 0;
  let wordHigh = 0;
  let wordTotal = 0;
  const endWord = () => {
    if (wordHigh > 0) {
      high += wordHigh;
      total += wordTotal;
    }
    wordHigh = 0;
    wordTotal = 0;
  };
  for (const byte of bytes) {
    if (byte < 0x80 && !(isAsciiLetter(byte) || (byte >= 0x30 && byte <= 0x39))) {
      endWord();
      continue;
    }
    wordTotal++;
    if (byte >= 0x80) wordHigh++;
  }
  endWord();
  return total === 0 ? 0 : high / total;
}

const isAsciiLetter = (byte: number | undefined) => byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));

/** Central European letters (in either charset) standing alone between ASCII letters, as in `Łucja`, `wkręcona`: Latin text. */
function latinLetters(bytes: Uint8Array): boolean {
  let alone = 0;
  let high = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! < 0x80) continue;
    high++;
    const before = bytes[i - 1];
    const after = bytes[i + 1];
    if ((isAsciiLetter(before) || before === 0x20 || before === undefined) && isAsciiLetter(after)) alone++;
  }
  // Shift_JIS's second bytes are ASCII letters too, but its text is mostly high bytes.
  return alone > 0 && alone * 3 >= high;
}

/** Whether any byte ≥ 0x80 stands right next to an ASCII letter. */
function touchesAsciiLetters(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80 && (isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[i + 1]))) return true;
  }
  return false;
}

/** ISO-8859-2 letters at 0xA0–0xBF where ISO-8859-1 has symbols. */
const LATIN2_POLISH = [0xa1, 0xa6, 0xac, 0xb1, 0xb6, 0xbc]; // Ą Ś Ź ą ś ź
const WIN1250_POLISH = [0xa5, 0xb9, 0x8c, 0x9c, 0x8f, 0x9f]; // Ą ą Ś ś Ź ź
/** Letters at the same place in ISO-8859-2 and Windows-1250, symbols in ISO-8859-1. */
const CENTRAL_SHARED = [0xa3, 0xb3, 0xaf, 0xbf, 0xb9, 0xbe]; // Ł ł Ż ż š ž (Windows-1250: ą at 0xB9)
const CZECH = [0xec, 0xf8, 0xf9, 0xe8, 0xcc, 0xd8, 0xd9, 0xc8]; // ě ř ů č Ě Ř Ů Č

function count(bytes: Uint8Array, set: readonly number[], nearLetter = false): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (!set.includes(bytes[i]!)) continue;
    // `¿qué?`: the Spanish question mark opens a phrase; Polish `ż` counts inside a word (`może`, `też`).
    if (bytes[i] === 0xbf && !(isAsciiLetter(bytes[i - 1]) || (bytes[i - 1] ?? 0) >= 0xc0)) continue;
    if (!nearLetter || isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[i + 1]) || (bytes[i - 1] ?? 0) >= 0xc0 || (bytes[i + 1] ?? 0) >= 0xc0) n++;
  }
  return n;
}

const isAsciiVowel = (byte: number | undefined) => byte !== undefined && 'aeiouyAEIOUY'.includes(String.fromCharCode(byte));
const isLetterByte = (byte: number | undefined) => byte !== undefined && (isAsciiLetter(byte) || byte >= 0xc0);

/**
 * Letters at the same place in both families, told apart by where they stand:
 * Polish `ń` ends words or precedes consonants (`Dzień`, `państwo`) where
 * Spanish `ñ` precedes a vowel (`Mañana`); Polish `ę` and `ć` end words
 * (`Proszę`, `być`) where French `ê` and Danish `æ` hardly do; Czech `ě`
 * stands inside words (`děkuji`) where Italian `ì` ends them.
 */
function centralLetters(bytes: Uint8Array): boolean {
  let central = 0;
  let western = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    const next = bytes[i + 1];
    if (byte === 0xf1 || byte === 0xd1) {
      if (isAsciiVowel(next)) western++;
      else central++;
    } else if (byte === 0xea || byte === 0xca || byte === 0xe6 || byte === 0xc6) {
      if (!isLetterByte(next) && isLetterByte(bytes[i - 1])) central++;
    } else if (byte === 0xec || byte === 0xcc) {
      if (isLetterByte(next)) central++;
      else western++;
    }
  }
  return central > western;
}

function latinCharset(bytes: Uint8Array): string {
  const c1 = bytes.some((b) => b >= 0x80 && b <= 0x9f);
  const latin2 = count(bytes, LATIN2_POLISH, true);
  const win1250 = count(bytes, WIN1250_POLISH, true);
  const shared = count(bytes, CENTRAL_SHARED, true);
  if (c1) {
    // Windows-1250 or Windows-1252: Ś/ś/Ź/ź/Ť/ť at 0x8C–0x9F, or Central European letters elsewhere.
    const only1250 = count(bytes, [0x8c, 0x8d, 0x8f, 0x9c, 0x9d, 0x9f, 0xa5, 0xb9, 0xa3, 0xb3, 0xaf, 0xbf], true);
    return only1250 > 0 || centralLetters(bytes) ? 'windows-1250' : 'windows-1252';
  }
  if (latin2 === 0 && win1250 === 0 && shared === 0) return centralLetters(bytes) ? 'iso-8859-2' : 'windows-1252';
  if (latin2 > 0) return 'iso-8859-2';
  // 0xB9/0xA5 alone: Windows-1250 `ą`/`Ą` in Polish text, ISO-8859-2 `š`/`Ľ` in Czech or Slovak.
  if (win1250 > 0 && count(bytes, CZECH) === 0) return 'windows-1250';
  return 'iso-8859-2';
}
