/**
 * Splits the plain text of an inbound reply into what the customer just wrote
 * (`visible`) and the history their mail program quoted below it (`quoted`), so
 * the ticket shows the new words and can fold the rest away.
 *
 * The history starts at the first of these lines:
 * - an attribution line: `On <date>, <name> wrote:` (Gmail, Thunderbird, Apple Mail,
 *   also wrapped over two or three lines as Gmail does with long names), Polish
 *   `W dniu <date> <name> pisze:` / `napisał(a):` (Thunderbird), `Dnia <date> <name>
 *   napisał(a):` (Onet, WP, Interia), `pt., 21 lis 2026 o 10:00 <name> napisał(a):`
 *   (Gmail in Polish), `Wiadomość napisana przez <name> w dniu <date>:` (Apple Mail
 *   in Polish), German `Am <date> schrieb <name>:`;
 * - a separator line: `-----Original Message-----`, `----- Wiadomość oryginalna -----`,
 *   `-------- Oryginalna wiadomość --------`, forwarded-message markers (`----------
 *   Forwarded message ---------`, `-------- Przekazana wiadomość --------`, `Begin
 *   forwarded message:`, `Początek przekazanej wiadomości:`);
 * - an Outlook header block: `From:` followed within four lines by `Sent:`/`Date:`
 *   and `To:`/`Subject:` (Polish `Od:`, `Wysłane:`/`Data:`, `Do:`/`Temat:`; German
 *   `Von:`, `Gesendet:`, `An:`/`Betreff:`), also with the `*From:*` bold marks a
 *   converted HTML mail keeps; Outlook's `________________________________` line
 *   directly above such a `From:` line belongs to the history too;
 * - otherwise, a run of `>`-quoted lines that ends the text (bottom of a reply;
 *   quotes answered in between are left alone).
 *
 * A signature under a `-- ` line (or `--`, as many programs drop the trailing
 * space) is removed from `visible`; it is not kept anywhere. When nothing of the
 * visible part would remain — a pure forward, a text that starts with the quote —
 * the whole text is visible and `quoted` is empty. Lines end with `\n` in both parts.
 */
export type ReplyParts = { visible: string; quoted: string };

const LOOKAHEAD_LINES = 4;

/** How an attribution line may begin; used for attributions wrapped over several lines. */
const ATTRIBUTION_START =
  /^(?:on\s|w\s+dniu\s|dnia\s|am\s|wiadomość\s+napisana\s+przez\s|(?:pon|wt|śr|czw|pt|sob|niedz|nie)\.?,?\s+\d|\d{1,4}[-./\s])/iu;

const POLISH_WROTE = String.raw`(?:pisze|napisał\s*\(a\)|napisał\s*\/\s*a|napisała|napisał)`;
const DATE_OR_TIME = /\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b/;

const ATTRIBUTION_ENGLISH = /^on\s.*\d.*\swrote\s*:$/iu;
const ATTRIBUTION_POLISH_DAY = new RegExp(String.raw`^(?:w\s+dniu|dnia)\s.*\d.*\s${POLISH_WROTE}\s*:$`, 'iu');
const ATTRIBUTION_POLISH_ANY = new RegExp(String.raw`\s${POLISH_WROTE}\s*:$`, 'iu');
const ATTRIBUTION_APPLE_POLISH = /^wiadomość\s+napisana\s+przez\s.+\sw\s+dniu\s.*\d.*:$/iu;
const ATTRIBUTION_GERMAN = /^am\s.*\d.*\sschrieb\s.+:$/iu;
const ATTRIBUTION_ISO_DATE = /^\d{4}-\d{2}-\d{2}\s.+<[^<>\s]+@[^<>\s]+>\s*:$/u;

function isAttribution(line: string): boolean {
  return (
    ATTRIBUTION_ENGLISH.test(line) ||
    ATTRIBUTION_POLISH_DAY.test(line) ||
    (ATTRIBUTION_POLISH_ANY.test(line) && DATE_OR_TIME.test(line)) ||
    ATTRIBUTION_APPLE_POLISH.test(line) ||
    ATTRIBUTION_GERMAN.test(line) ||
    ATTRIBUTION_ISO_DATE.test(line)
  );
}

const SEPARATOR_MARKER =
  /^-{2,}\s*(?:original\s+message|forwarded\s+message|wiadomość\s+oryginalna|oryginalna\s+wiadomość|przekazana\s+wiadomość|wiadomość\s+przekazana(?:\s+dalej)?|ursprüngliche\s+nachricht|weitergeleitete\s+nachricht)\s*-{2,}$/iu;
const FORWARD_INTRO = /^(?:begin\s+forwarded\s+message|początek\s+przekazanej\s+wiadomości|anfang\s+der\s+weitergeleiteten\s+nachricht)\s*:$/iu;

const HEADER_FROM = /^[*_]?\s*(?:from|od|von)\s*:[*_]?\s*\S/iu;
const HEADER_DATE = /^[*_]?\s*(?:sent|date|wysłane|wysłano|data|gesendet|datum)\s*:/iu;
const HEADER_TO_OR_SUBJECT = /^[*_]?\s*(?:to|subject|do|temat|an|betreff)\s*:/iu;
const OUTLOOK_RULE = /^_{10,}$/;

const QUOTED_LINE = /^\s*>/;

function isAttributionAt(lines: readonly string[], index: number): boolean {
  const first = (lines[index] ?? '').trim();
  if (first === '' || QUOTED_LINE.test(first)) return false;
  if (isAttribution(first)) return true;
  if (!ATTRIBUTION_START.test(first)) return false;
  let joined = first;
  for (let k = 1; k < 3 && index + k < lines.length; k++) {
    const next = (lines[index + k] ?? '').trim();
    if (next === '' || QUOTED_LINE.test(next)) return false;
    joined = `${joined} ${next}`;
    if (isAttribution(joined)) return true;
  }
  return false;
}

function isHeaderBlockAt(lines: readonly string[], index: number): boolean {
  if (!HEADER_FROM.test((lines[index] ?? '').trim())) return false;
  let date = false;
  let toOrSubject = false;
  for (let k = 1; k <= LOOKAHEAD_LINES && index + k < lines.length; k++) {
    const line = (lines[index + k] ?? '').trim();
    if (HEADER_DATE.test(line)) date = true;
    if (HEADER_TO_OR_SUBJECT.test(line)) toOrSubject = true;
  }
  return date && toOrSubject;
}

function isOutlookRuleAt(lines: readonly string[], index: number): boolean {
  if (!OUTLOOK_RULE.test((lines[index] ?? '').trim())) return false;
  for (let k = 1; k <= 2 && index + k < lines.length; k++) {
    const line = (lines[index + k] ?? '').trim();
    if (line === '') continue;
    return HEADER_FROM.test(line);
  }
  return false;
}

function startsHistory(lines: readonly string[], index: number): boolean {
  const line = (lines[index] ?? '').trim();
  return (
    SEPARATOR_MARKER.test(line) ||
    FORWARD_INTRO.test(line) ||
    isOutlookRuleAt(lines, index) ||
    isHeaderBlockAt(lines, index) ||
    isAttributionAt(lines, index)
  );
}

/** Start of the `>`-quoted run that ends the text (blank lines inside it allowed), or -1. */
function trailingQuoteStart(lines: readonly string[]): number {
  let last = lines.length - 1;
  while (last >= 0 && (lines[last] ?? '').trim() === '') last--;
  if (last < 0 || !QUOTED_LINE.test(lines[last] ?? '')) return -1;
  let start = last;
  for (let i = last - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (QUOTED_LINE.test(line)) start = i;
    else if (line.trim() !== '') break;
  }
  return start;
}

/** Drops everything from the last signature separator (`-- ` or `--`) down. */
function withoutSignature(lines: readonly string[]): readonly string[] {
  for (let i = lines.length - 1; i >= 0; i--) {
    if ((lines[i] ?? '').trimEnd() === '--') return lines.slice(0, i);
  }
  return lines;
}

/** Separates the new text of a reply from the quoted history (see the module comment). */
export function splitReply(text: string): ReplyParts {
  if (typeof text !== 'string') return { visible: '', quoted: '' };
  const normalized = text.replace(/\r\n?/g, '\n');
  const whole = normalized.trim();
  if (whole === '') return { visible: '', quoted: '' };

  const lines = normalized.split('\n');
  let cut = -1;
  for (let i = 0; i < lines.length; i++) {
    if (startsHistory(lines, i)) {
      cut = i;
      break;
    }
  }
  if (cut === -1) cut = trailingQuoteStart(lines);

  const own = cut === -1 ? lines : lines.slice(0, cut);
  const visible = withoutSignature(own).join('\n').trim();
  if (visible === '') return { visible: whole, quoted: '' };
  const quoted = cut === -1 ? '' : lines.slice(cut).join('\n').trim();
  return { visible, quoted };
}
