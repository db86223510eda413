import { normalizeMessageId } from './message-id.js';

/**
 * What a bounce tells about the mail it returns, read from its text: the
 * Message-IDs of the returned mail and the mail server's reason.
 *
 * Standard DSNs (RFC 3464) carry the original as a `message/rfc822` or
 * `text/rfc822-headers` part, but many servers do not: qmail ("Hi. This is the
 * qmail-send program"), old Sendmail and Exim, Lotus Domino, MDaemon and
 * GroupWise copy the original's headers into the text itself — after a marker
 * line, indented, or quoted with `>`. Exchange puts them at the end of its HTML
 * explanation. So every line that looks like a `Message-ID:` header counts,
 * wherever it stands, in the order found (a folded value on the next line too).
 */
export type ReturnedMessage = {
  /** Message-IDs (no angle brackets) of the returned mail, each once, in order found. */
  messageIds: string[];
  /** The first SMTP answer quoted (`550 5.1.1 <x@y>: Recipient address rejected`); null when none. */
  diagnostic: string | null;
};

const MESSAGE_ID_LINE = /^[ \t>|]*(?:X-Original-)?Message-ID[ \t]*:[ \t]*(.*)$/gim;
/** `550 5.1.1 …` anywhere, or a bare code after "said:"/"answered:" (qmail, Sendmail). */
const SMTP_ANSWER = /\b([45]\d\d[ -][45]\.\d{1,3}\.\d{1,3}\b.*)$|\b(?:said|answered|replied|response|reply)[^:\r\n]{0,40}:\s*([45]\d\d\b.*)$/im;
const ENHANCED_STATUS = /\b([45]\.\d{1,3}\.\d{1,3})\b/;
const MAX_DIAGNOSTIC = 500;

function nextLine(text: string, from: number): string {
  const rest = text.slice(from).replace(/^\r?\n/, '');
  return /^[ \t>|]*([^\r\n]*)/.exec(rest)?.[1] ?? '';
}

/** Reads the Message-IDs and the reason a bounce quotes (see ReturnedMessage). */
export function readReturnedMessage(text: string | null | undefined): ReturnedMessage {
  if (typeof text !== 'string' || text === '') return { messageIds: [], diagnostic: null };
  const messageIds: string[] = [];
  for (const match of text.matchAll(MESSAGE_ID_LINE)) {
    let value = (match[1] ?? '').trim();
    if (value === '') value = nextLine(text, (match.index ?? 0) + match[0].length).trim();
    const id = normalizeMessageId(value);
    if (id !== null && !messageIds.includes(id)) messageIds.push(id);
  }
  const found = SMTP_ANSWER.exec(text);
  const answer = (found?.[1] ?? found?.[2])?.replace(/\s+/g, ' ').trim();
  const status = answer === undefined ? ENHANCED_STATUS.exec(text)?.[1] : undefined;
  const diagnostic = answer ?? (status ? `Status ${status}` : null);
  return { messageIds, diagnostic: diagnostic === null ? null : diagnostic.slice(0, MAX_DIAGNOSTIC) };
}
