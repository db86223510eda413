import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment } from 'mailparser';
import {
  createMailHeaders, findTicketNumbersInSubject, normalizeMessageId, parseMessageIdList, readReturnedMessage, repairHeaderText, splitReply, stripReplyPrefixes, type MailHeaders,
} from '@okienko/domain';
import { sanitizeHtml } from '../../core/html/sanitize-html.js';
import type { NewAttachment } from '../tickets/messages.repository.js';
import { normalizeMailCharsets } from './normalize-mail-charsets.js';
import { storableText } from './storable-text.js';

export interface ParsedInboundMail {
  /** Without angle brackets; generated from the bytes when the mail has none. */
  messageId: string;
  hasOwnMessageId: boolean;
  /** In-Reply-To first, then References from the newest: the ids to look a thread up by. */
  threadIds: string[];
  inReplyTo: string | null;
  /** The References header, oldest first, as sent. */
  references: string[];
  subject: string;
  /** The subject without Re:/Fwd:/Odp:/PD: prefixes. */
  topic: string;
  ticketNumbers: string[];
  /** From; its address is Reply-To's when From names nobody's address (`From: Jan Kowalski`). */
  from: { email: string | null; name: string | null };
  /** Where answers go when that is not the From address: the Reply-To addresses (empty otherwise). */
  replyTo: string[];
  to: string[];
  cc: string[];
  /** Delivered-To and X-Original-To: where forwarders say the mail was for. */
  deliveredTo: string[];
  headers: MailHeaders;
  contentType: string | null;
  text: string;
  visibleText: string;
  html: string | null;
  attachments: NewAttachment[];
  /** For delivery-status reports: the Message-ID found in the returned message, and the reason. */
  report: { originalMessageId: string | null; diagnostic: string } | null;
}

function addresses(value: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((v) => v.value).flatMap(function flatten(a): { address: string; name: string }[] {
    if (a.group) return a.group.flatMap(flatten);
    const address = storableText(a.address ?? '').trim();
    return address ? [{ address, name: storableText(a.name ?? '') }] : [];
  });
}

/** The display name of a From that has no address (`From: Jan Kowalski`). */
function nameWithoutAddress(value: AddressObject | undefined): string {
  const first = value?.value[0];
  return first && !first.address ? storableText(first.name ?? '').replace(/^\s*"(.*)"\s*$/, '$1').trim() : '';
}

/** The raw header lines, unfolded, as the classification reads them. */
function headerMap(lines: readonly { key: string; line: string }[]): MailHeaders {
  return createMailHeaders(
    lines.map(({ key, line }) => [storableText(key), storableText(line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim())] as const),
  );
}

/** Reads the mail with its undeclared charsets made explicit; as it came should that fail. */
async function readMail(raw: Buffer) {
  const options = { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, keepDeliveryStatus: true } as const;
  let source = raw;
  try {
    source = normalizeMailCharsets(raw);
  } catch {
    source = raw;
  }
  return simpleParser(source, options);
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function toAttachment(a: Attachment): NewAttachment {
  return {
    filename: storableText(a.filename ?? '').trim() || (a.contentType === 'message/rfc822' ? 'wiadomosc.eml' : 'zalacznik'),
    contentType: storableText(a.contentType ?? '') || 'application/octet-stream',
    content: a.content,
    sha256: sha256(a.content),
    contentId: a.contentId ? storableText(a.contentId).replace(/^<|>$/g, '') || null : null,
    inline: a.contentDisposition === 'inline' && Boolean(a.contentId),
  };
}

/**
 * What a bounce says: which of our mails bounced, and why — from a delivery-status
 * report's parts, or from the original quoted in the text (qmail, Domino, GroupWise...).
 * Null for a mail that is no report and quotes no original.
 */
function readReport(attachments: Attachment[], text: string, isReport: boolean): ParsedInboundMail['report'] {
  // Domino, MDaemon and GroupWise attach the original to a plain multipart/mixed mail.
  const report = readDsn(attachments);
  const quoted = readReturnedMessage(text);
  const originalMessageId = report.originalMessageId ?? quoted.messageIds[0] ?? null;
  if (!isReport && originalMessageId === null) return null;
  return {
    originalMessageId: storableText(originalMessageId),
    diagnostic: storableText(report.diagnostic || quoted.diagnostic) || 'The message could not be delivered',
  };
}

const RETURNED_PART_TYPES = new Set(['message/delivery-status', 'message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers']);

function readDsn(attachments: Attachment[]): NonNullable<ParsedInboundMail['report']> {
  let originalMessageId: string | null = null;
  let diagnostic = '';
  for (const a of attachments) {
    const body = RETURNED_PART_TYPES.has(a.contentType) ? a.content.toString('utf8') : '';
    if (a.contentType === 'message/delivery-status') {
      const status = /^Status:\s*(.+)$/im.exec(body)?.[1]?.trim();
      const code = /^Diagnostic-Code:\s*(?:[^;]*;\s*)?([\s\S]+?)(?:\r?\n(?![ \t])|$)/im.exec(body)?.[1]?.replace(/\s+/g, ' ').trim();
      diagnostic = [status, code].filter(Boolean).join(' ');
    } else if (body !== '') {
      originalMessageId ??= normalizeMessageId(/^Message-ID:\s*(.+)$/im.exec(body)?.[1]) ?? readReturnedMessage(body).messageIds[0] ?? null;
    }
  }
  return { originalMessageId, diagnostic };
}

/** Reads a raw mail with mailparser: every charset, encoded words, attachments, broken headers. */
export async function parseInboundMail(raw: Buffer): Promise<ParsedInboundMail> {
  const mail = await readMail(raw);
  const headers = headerMap(mail.headerLines ?? []);
  const ownId = normalizeMessageId(storableText(mail.messageId ?? '') || undefined);
  // Raw 8-bit or wrongly declared headers: read again (mail.headerLines hold one character per byte).
  const rawHeader = (key: string) => mail.headerLines?.find((l) => l.key === key)?.line.replace(/^[^:]*:\s*/, '');
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(raw.subarray(0, 65_536).toString('latin1'))?.[1];
  const replyTo = addresses(mail.replyTo);
  // A From with a name and no address (`From: Jan Kowalski`) is answered at Reply-To, else at the envelope sender.
  const displayOnly = nameWithoutAddress(mail.from);
  const from = addresses(mail.from)[0]
    ?? (replyTo[0] ? { address: replyTo[0].address, name: displayOnly || replyTo[0].name } : displayOnly ? { address: '', name: displayOnly } : undefined);
  // Some mailers encode the quotes too (`=?utf-8?B?IkphbiBLb3dhbHNraSIg?=` is `"Jan Kowalski" `).
  if (from?.name) from.name = repairHeaderText(from.name, rawHeader('from')?.replace(/\s*<[^<>]*>\s*$/, '').replace(/^"|"$/g, ''), charset).replace(/^\s*"(.*)"\s*$/, '$1').trim();
  const subject = storableText(repairHeaderText((mail.subject ?? '').trim(), rawHeader('subject'), charset)).trim();
  // mailparser writes the text itself for HTML-only mail.
  const text = storableText(mail.text ?? '').trim();
  const { visible } = splitReply(text);
  const contentType = headers['content-type']?.[0] ?? null;
  const isReport = /multipart\/report/i.test(contentType ?? '') && /report-type\s*=\s*"?delivery-status/i.test(contentType ?? '');
  const attachments = mail.attachments ?? [];
  const report = readReport(attachments, text, isReport);
  const fromEmail = from?.address ? from.address.toLowerCase() : null;
  const answerTo = replyTo.map((a) => a.address.toLowerCase()).filter((a, i, all) => all.indexOf(a) === i);
  const inReplyTo = parseMessageIdList(headers['in-reply-to']?.join(' '));
  const references = parseMessageIdList(headers['references']?.join(' '));

  return {
    messageId: ownId ?? `${sha256(raw).slice(0, 40)}@generated.okienko.invalid`,
    hasOwnMessageId: ownId !== null,
    // A delivery report (a delay notice too) belongs with the mail it reports on.
    threadIds: [...new Set([...inReplyTo, ...[...references].reverse(), ...(isReport && report?.originalMessageId ? [report.originalMessageId] : [])])],
    inReplyTo: inReplyTo[0] ?? null,
    references,
    subject,
    topic: stripReplyPrefixes(subject),
    ticketNumbers: findTicketNumbersInSubject(subject),
    from: { email: fromEmail, name: storableText(from?.name ?? '') || null },
    replyTo: answerTo.length === 1 && answerTo[0] === fromEmail ? [] : answerTo,
    to: addresses(mail.to).map((a) => a.address),
    cc: addresses(mail.cc).map((a) => a.address),
    deliveredTo: [...(headers['delivered-to'] ?? []), ...(headers['x-original-to'] ?? [])].map((v) => v.replace(/^<|>$/g, '').trim()),
    headers,
    contentType,
    text,
    visibleText: visible,
    html: mail.html ? storableText(sanitizeHtml(storableText(mail.html))) : null,
    attachments: attachments.filter((a) => a.contentType !== 'message/delivery-status').map(toAttachment),
    report,
  };
}

