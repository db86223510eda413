import { headerValue, headerValues, type MailHeaders } from './mail-headers.js';
import { normalizeMessageId } from './message-id.js';
import { stripReplyPrefixes } from './subject.js';

/**
 * Who wrote an inbound mail: a person, or a machine — and which kind of machine,
 * because the inbound pipeline treats them differently:
 *
 * - `loop`: our own mail came back to us (our From, our Message-ID, our X-Loop).
 *   Never answer it, never let it open a ticket.
 * - `bounce`: a delivery status notification from a mail server (Postfix, Exim,
 *   Exchange, Gmail...). Belongs to the ticket whose reply bounced.
 * - `auto_reply`: an out-of-office or other automatic answer (RFC 3834), a read
 *   receipt, another helpdesk's "we got your ticket". May be filed on the ticket,
 *   but never answered automatically and never reopens anything by itself.
 * - `bulk`: mailing lists, newsletters, no-reply notifications.
 * - `human`: everything else.
 *
 * When several kinds match, the first in the order above wins; `reasons` still
 * lists every signal found (in that same order) so the audit trail shows all of them.
 *
 * Decisions on signals that real mail makes ambiguous:
 * - An auto-reply subject (`Automatic reply:`, `Odpowiedź automatyczna:`, `Out of
 *   Office`, `Nieobecność`...) never decides alone — customers do write
 *   "Nieobecność pracownika" or "Out of office equipment". It counts only together
 *   with another automation signal, and then makes the mail an `auto_reply` even
 *   when the other signal alone would say `bulk` (the classic Unix `vacation`
 *   program marks its answers `Precedence: bulk`).
 * - An empty envelope sender (`<>`) alone makes a mail automated (`auto_reply`):
 *   RFC 5321 and RFC 3834 reserve it for notifications and automatic answers, and
 *   no person's mail program sends with it. `envelopeFrom: null` means "unknown";
 *   then an empty `Return-Path` header (written by the delivering server) counts.
 *   Together with a bounce-style subject (`Undeliverable:`, `Undelivered Mail
 *   Returned to Sender`...) it makes a `bounce`.
 * - `X-MS-Exchange-Inbox-Rules-Loop` is NOT a signal: Exchange adds it to every
 *   mail an inbox rule redirected — including customers' mail that a helpdesk
 *   mailbox such as biuro@ forwards to Okienko. A real loop through such a rule
 *   carries our own From and Message-ID and is caught by those.
 * - An `X-Loop` naming someone else (another ticket system, procmail, a list
 *   manager) means another machine handled the mail: `auto_reply`, so two
 *   helpdesks never answer each other forever. An `X-Loop` with one of our
 *   addresses or the word `okienko` is a `loop`.
 * - `Feedback-ID` is ignored: mail services put it on transactional and
 *   person-to-person mail as well as on newsletters.
 * - `multipart/report` with `report-type=delivery-status` is a bounce; any other
 *   report (a read receipt's `disposition-notification`, a spam feedback report)
 *   is an `auto_reply`.
 * - An `Auto-Submitted`, `X-Autoreply` or `X-Autorespond` header with an empty
 *   value, or `no`/`false`/`0`, is no signal.
 */
export type MailClassificationKind = 'human' | 'auto_reply' | 'bulk' | 'bounce' | 'loop';

export const MAIL_CLASSIFICATION_KINDS = ['human', 'auto_reply', 'bulk', 'bounce', 'loop'] as const satisfies readonly MailClassificationKind[];

export type MailClassification = {
  kind: MailClassificationKind;
  /** True for every kind except `human`. */
  automated: boolean;
  /** Human-readable signals, e.g. `Auto-Submitted: auto-replied`; empty for `human`. */
  reasons: string[];
};

export type InboundMailFacts = {
  headers: MailHeaders;
  /** SMTP MAIL FROM as received: `''` or `<>` is the null sender; null means unknown. */
  envelopeFrom: string | null;
  /** The From address (`jan@x.pl`; `Jan <jan@x.pl>` is tolerated); null reads the From header. */
  fromAddress: string | null;
  /** Every address mail reaches Okienko at and sends from (inbound addresses, the reply-from address). */
  ownAddresses: readonly string[];
  /** The domain of the Message-IDs Okienko writes (`MAIL_DOMAIN`). */
  ownMessageIdDomain: string;
  /** The mail's top-level Content-Type with its parameters; null reads the Content-Type header. */
  contentType: string | null;
  /**
   * The decoded subject. Optional: without it the Subject header is read, which
   * is only right when it carries no RFC 2047 encoded words — and Polish
   * auto-reply subjects (`Odpowiedź automatyczna:`) nearly always do.
   */
  subject?: string | null;
};

const MAX_REASON_VALUE = 120;

const NEGATIVE_VALUES = new Set(['', 'no', 'false', '0']);

const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list']);
const AUTO_REPLY_PRECEDENCE = new Set(['auto_reply', 'auto-reply']);

const SUPPRESS_TOKENS_MEANING_AUTOMATED = new Set(['all', 'oof', 'autoreply']);

const LIST_HEADERS = ['list-id', 'list-unsubscribe', 'x-mailing-list'] as const;

/** Local parts of the mail system itself. */
const MAIL_SYSTEM_LOCAL_PARTS = new Set(['mailer-daemon', 'mailerdaemon', 'postmaster', 'mail-daemon']);
/** How Gmail, Postfix and Exim name the sender of a bounce. */
const MAIL_SYSTEM_DISPLAY_NAME = /\bmail\s+delivery\s+(?:sub)?system\b/i;

/**
 * Local parts of senders nobody can answer: `noreply`, `no-reply`, `no_reply+tag`,
 * `shop-noreply`, `do-not-reply`, `donotreply`, `nie-odpowiadaj`, `newsletter`,
 * `notifications`. Compared with `-`, `_` and `.` removed and any `+tag` cut off.
 */
const NO_REPLY_FRAGMENTS = ['noreply', 'donotreply', 'nieodpowiadaj'] as const;
const NO_REPLY_PREFIXES = ['newsletter', 'notification'] as const;

/** Subjects of automatic answers (secondary signal only, see above). */
const AUTO_REPLY_SUBJECT =
  /^(?:automatic\s+reply|auto(?:matic|mated)?[\s-]*(?:reply|response)|auto\s*[:\uFF1A]|autoodpowied[zź]|odpowied[zź]\s+automatyczna|automatyczna\s+odpowied[zź]|out\s+of\s+(?:the\s+)?office|nieobecno[sś][cć]|poza\s+biurem|automatische\s+antwort|abwesenheit)/iu;

/** Subjects of delivery status notifications (secondary signal only). */
const BOUNCE_SUBJECT =
  /^(?:undeliverable|undelivered\s+mail|mail\s+delivery\s+fail|delivery\s+status\s+notification|delivery\s+failure|returned\s+mail|failure\s+notice|non[-\s]?delivery|niedostarczalne|niedostarczon|nie\s+można\s+dostarczyć|zwrot\s+(?:niedostarczonej\s+)?(?:poczty|wiadomości))/iu;

function shorten(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_REASON_VALUE ? `${flat.slice(0, MAX_REASON_VALUE - 1)}…` : flat;
}

/** `Jan <JAN@X.pl>`, `<jan@x.pl>`, `jan@x.pl (Jan)`, `mailto:jan@x.pl` → `jan@x.pl`; null when there is no address. */
function extractAddress(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const bracketed = /<([^<>]*)>/.exec(value);
  let candidate = bracketed ? (bracketed[1] ?? '') : value.replace(/\([^()]*\)/g, ' ');
  candidate = candidate.trim().replace(/^mailto:/i, '');
  if (!bracketed) {
    const token = candidate.split(/[\s,;]+/).find((part) => part.includes('@'));
    candidate = token ?? candidate;
  }
  candidate = candidate.replace(/^"+|"+$/g, '').trim().toLowerCase();
  return candidate === '' ? null : candidate;
}

function localPartOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at === -1 ? address : address.slice(0, at);
}

function firstToken(value: string): string {
  return (value.trim().split(/[;\s(]/)[0] ?? '').toLowerCase();
}

type ContentType = { mediaType: string; params: Record<string, string> };

/** `multipart/report; report-type="Delivery-Status"; boundary=...` → media type and lower-case parameter names. */
function parseContentType(value: string): ContentType {
  const parts: string[] = [];
  let current = '';
  let inQuotes = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (inQuotes && ch === '\\' && i + 1 < value.length) {
      current += value[i + 1];
      i++;
      continue;
    }
    if (ch === '"') {
      inQuotes = !inQuotes;
      continue;
    }
    if (ch === ';' && !inQuotes) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  const params: Record<string, string> = {};
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    if (name !== '' && !(name in params)) params[name] = part.slice(eq + 1).trim();
  }
  return { mediaType: (parts[0] ?? '').trim().toLowerCase(), params };
}

function isNullSender(value: string): boolean {
  return /^<?\s*>?$/.test(value.trim());
}

function hasNoReplyLocalPart(local: string): boolean {
  const squashed = (local.split('+')[0] ?? '').replace(/[-_.]/g, '').toLowerCase();
  if (squashed === '') return false;
  return NO_REPLY_FRAGMENTS.some((fragment) => squashed.includes(fragment)) || NO_REPLY_PREFIXES.some((prefix) => squashed.startsWith(prefix));
}

type Signals = Record<Exclude<MailClassificationKind, 'human'>, string[]>;

function collectSignals(input: InboundMailFacts): { signals: Signals; autoReplySubject: string | null } {
  const { headers } = input;
  const signals: Signals = { loop: [], bounce: [], auto_reply: [], bulk: [] };

  const ownAddresses = new Set(
    (input.ownAddresses ?? []).map((address) => extractAddress(address)).filter((address): address is string => address !== null),
  );
  const fromHeader = headerValue(headers, 'from') ?? '';
  const fromAddress = extractAddress(input.fromAddress) ?? extractAddress(fromHeader);
  const subject = (typeof input.subject === 'string' ? input.subject.trim() : headerValue(headers, 'subject')) ?? '';

  // Loop: our own mail came back.
  for (const value of headerValues(headers, 'x-loop')) {
    if (value === '') continue;
    const lower = value.toLowerCase();
    const ours = lower.includes('okienko') || [...ownAddresses].some((address) => lower.includes(address));
    if (ours) signals.loop.push(`X-Loop: ${shorten(value)}`);
    else signals.auto_reply.push(`X-Loop: ${shorten(value)} (handled by another automated system)`);
  }
  if (fromAddress !== null && ownAddresses.has(fromAddress)) {
    signals.loop.push(`From is our own address ${fromAddress}`);
  }
  const domain = (input.ownMessageIdDomain ?? '').trim().replace(/^@/, '').toLowerCase();
  const messageId = normalizeMessageId(headerValue(headers, 'message-id'));
  if (domain !== '' && messageId !== null && messageId.toLowerCase().endsWith(`@${domain}`)) {
    signals.loop.push(`Message-ID <${shorten(messageId)}> is one of ours`);
  }

  // Bounce: a delivery status notification.
  const contentTypeValue = input.contentType ?? headerValue(headers, 'content-type') ?? '';
  const contentType = parseContentType(contentTypeValue);
  if (contentType.mediaType === 'multipart/report') {
    const reportType = (contentType.params['report-type'] ?? '').toLowerCase();
    const described = `Content-Type: multipart/report; report-type=${reportType || '(none)'}`;
    if (reportType === 'delivery-status') signals.bounce.push(described);
    else if (reportType === 'disposition-notification') signals.auto_reply.push(`${described} (read receipt)`);
    else signals.auto_reply.push(`${described} (automatic report)`);
  }
  const failedRecipients = headerValue(headers, 'x-failed-recipients');
  if (failedRecipients !== undefined && failedRecipients !== '') {
    signals.bounce.push(`X-Failed-Recipients: ${shorten(failedRecipients)}`);
  }
  const envelopeNull =
    input.envelopeFrom !== null && input.envelopeFrom !== undefined
      ? isNullSender(input.envelopeFrom)
      : headerValues(headers, 'return-path').some((value) => isNullSender(value));
  const fromMailSystem = fromAddress !== null && MAIL_SYSTEM_LOCAL_PARTS.has(localPartOf(fromAddress));
  if (fromMailSystem && envelopeNull) {
    signals.bounce.push(`Empty envelope sender and From ${fromAddress} (mail system)`);
  } else if (fromMailSystem) {
    signals.bounce.push(`From ${fromAddress} (mail system)`);
  }
  const displayName = MAIL_SYSTEM_DISPLAY_NAME.exec(fromHeader);
  if (displayName) signals.bounce.push(`From: ${displayName[0]}`);
  if (envelopeNull && BOUNCE_SUBJECT.test(subject)) {
    signals.bounce.push(`Empty envelope sender and subject "${shorten(subject)}"`);
  }

  // Automatic answers (RFC 3834 and the headers mail programs use in practice).
  const autoSubmitted = headerValue(headers, 'auto-submitted');
  if (autoSubmitted !== undefined && !NEGATIVE_VALUES.has(firstToken(autoSubmitted))) {
    signals.auto_reply.push(`Auto-Submitted: ${shorten(autoSubmitted)}`);
  }
  for (const [name, label] of [
    ['x-autoreply', 'X-Autoreply'],
    ['x-autorespond', 'X-Autorespond'],
  ] as const) {
    const value = headerValue(headers, name);
    if (value !== undefined && !NEGATIVE_VALUES.has(firstToken(value))) signals.auto_reply.push(`${label}: ${shorten(value)}`);
  }
  const suppress = headerValue(headers, 'x-auto-response-suppress');
  if (suppress !== undefined) {
    const tokens = suppress.toLowerCase().split(/[\s,;]+/);
    if (tokens.some((token) => SUPPRESS_TOKENS_MEANING_AUTOMATED.has(token))) {
      signals.auto_reply.push(`X-Auto-Response-Suppress: ${shorten(suppress)}`);
    }
  }
  const precedence = headerValue(headers, 'precedence');
  const precedenceToken = precedence === undefined ? '' : firstToken(precedence);
  if (AUTO_REPLY_PRECEDENCE.has(precedenceToken)) signals.auto_reply.push(`Precedence: ${shorten(precedence ?? '')}`);
  if (envelopeNull && signals.bounce.length === 0) signals.auto_reply.push('Empty envelope sender (<>)');

  // Bulk: lists, newsletters, notifications nobody can answer.
  if (BULK_PRECEDENCE.has(precedenceToken)) signals.bulk.push(`Precedence: ${shorten(precedence ?? '')}`);
  for (const name of LIST_HEADERS) {
    const value = headerValue(headers, name);
    if (value !== undefined) signals.bulk.push(`${displayHeaderName(name)}: ${shorten(value)}`);
  }
  if (fromAddress !== null && !fromMailSystem && hasNoReplyLocalPart(localPartOf(fromAddress))) {
    signals.bulk.push(`From ${fromAddress} is a no-reply or notification sender`);
  }

  const strippedSubject = stripReplyPrefixes(subject);
  const autoReplySubject = AUTO_REPLY_SUBJECT.test(subject) || AUTO_REPLY_SUBJECT.test(strippedSubject) ? subject : null;
  return { signals, autoReplySubject };
}

function displayHeaderName(name: string): string {
  if (name === 'list-id') return 'List-Id';
  return name
    .split('-')
    .map((word) => (word.length === 1 ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
    .join('-');
}

/**
 * Classifies an inbound mail as written by a person or by a machine (see the
 * module comment for the rules and the order in which kinds win).
 */
export function classifyInboundMail(input: InboundMailFacts): MailClassification {
  const { signals, autoReplySubject } = collectSignals(input);
  const anyOther = signals.loop.length + signals.bounce.length + signals.auto_reply.length + signals.bulk.length > 0;
  if (autoReplySubject !== null && anyOther) {
    signals.auto_reply.push(`Subject: ${shorten(autoReplySubject)}`);
  }
  const order = ['loop', 'bounce', 'auto_reply', 'bulk'] as const;
  const kind = order.find((candidate) => signals[candidate].length > 0) ?? 'human';
  const reasons = order.flatMap((candidate) => signals[candidate]);
  return { kind, automated: kind !== 'human', reasons };
}

/**
 * Whether an address belongs to the mail system or to a sender nobody can
 * answer (`mailer-daemon@`, `postmaster@`, `no-reply@`, `newsletter@`...):
 * automatic mail to it would only bounce or be ignored.
 */
export function isUnanswerableAddress(address: string): boolean {
  const normalized = extractAddress(address);
  if (normalized === null) return true;
  const local = localPartOf(normalized);
  return MAIL_SYSTEM_LOCAL_PARTS.has(local) || hasNoReplyLocalPart(local);
}

/** True for auto-replies, bulk mail, bounces and loops — anything not written by a person. */
export function isAutomated(classification: MailClassification): boolean {
  return classification.kind !== 'human';
}
