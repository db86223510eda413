import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import nodemailer from 'nodemailer';

// Talking SMTP to the product the way the outside world does: a real client
// (nodemailer) for ordinary deliveries, a raw socket for asserting what the
// listener answers at each step, and the fixture mails of test/fixtures/mail.

export interface RawMail {
  /** Envelope sender (MAIL FROM); '' sends the null sender `<>` of bounces. */
  from: string;
  /** Envelope recipients (RCPT TO). */
  to: string[];
  /** The whole message as it goes over the wire (headers and body). */
  raw: string | Buffer;
}

export interface Delivery {
  /** The server's last answer, e.g. `250 OK: message queued`. */
  response: string;
  accepted: string[];
  rejected: string[];
}

/** An SMTP rejection as nodemailer reports it. */
export interface SmtpRejection extends Error {
  responseCode?: number;
  response?: string;
  code?: string;
}

/**
 * Delivers `raw` unchanged in one real SMTP session (EHLO, MAIL FROM, RCPT TO…,
 * DATA) without TLS. `BODY=8BITMIME` is announced when the message has 8-bit
 * bytes, as a real MTA does. Rejects with the server's answer (`responseCode`,
 * `response`) when the server refuses the sender, every recipient or the data.
 */
export async function sendRaw(port: number, mail: RawMail, options: { clientName?: string } = {}): Promise<Delivery> {
  const raw = typeof mail.raw === 'string' ? Buffer.from(mail.raw, 'utf8') : mail.raw;
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    name: options.clientName ?? 'mx.client.test',
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    logger: false,
  });
  try {
    const envelope = { from: mail.from, to: mail.to, use8BitMime: raw.some((byte) => byte >= 0x80) };
    const info = await transport.sendMail({ envelope, raw });
    return {
      response: String(info.response),
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
    };
  } finally {
    transport.close();
  }
}

/** The three-digit code of an SMTP reply ("250-…\n250 OK" → 250). */
export function replyCode(reply: string | undefined): number {
  return Number((reply ?? '').slice(0, 3));
}

/**
 * Speaks SMTP over a bare socket and answers the server's replies: the greeting
 * first, then one reply per command line. An item may hold several command
 * lines separated by CRLF (pipelining) and then gets as many replies. The item
 * right after a 354 reply is the message itself: it is dot-stuffed and ended
 * with CRLF.CRLF here, and gets one reply. Each reply is its lines joined with
 * "\n" (e.g. "250-okienko\n250-PIPELINING\n250 SIZE 26214400").
 *
 * When the server closes the connection early, the replies so far are
 * answered (a test can then assert the 421 it got).
 */
export async function smtpConversation(port: number, items: (string | Buffer)[], options: { timeoutMs?: number } = {}): Promise<string[]> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const socket = net.connect(port, '127.0.0.1');
  const replies: string[] = [];
  let pending = '';
  let current: string[] = [];
  let closed = false;
  let wake: (() => void) | null = null;

  socket.on('data', (chunk: Buffer) => {
    pending += chunk.toString('latin1');
    let end: number;
    while ((end = pending.indexOf('\r\n')) >= 0) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 2);
      current.push(line);
      if (!/^\d{3}-/.test(line)) {
        replies.push(current.join('\n'));
        current = [];
      }
    }
    wake?.();
  });
  socket.on('close', () => {
    closed = true;
    wake?.();
  });
  socket.on('error', () => {
    closed = true;
    wake?.();
  });

  const waitForReplies = async (count: number): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    while (replies.length < count) {
      if (closed) return false;
      const left = deadline - Date.now();
      if (left <= 0) {
        socket.destroy();
        throw new Error(`SMTP server did not answer within ${timeoutMs} ms; replies so far: ${JSON.stringify(replies)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
    return true;
  };

  try {
    let expected = 1;
    if (!(await waitForReplies(expected))) return replies;
    for (const item of items) {
      if (replyCode(replies.at(-1)) === 354) {
        socket.write(dotStuff(item));
        expected += 1;
      } else {
        const text = Buffer.isBuffer(item) ? item.toString('latin1') : item;
        const lines = text.split('\r\n').filter((line) => line.length > 0);
        socket.write(Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
        expected += lines.length;
      }
      if (!(await waitForReplies(expected))) return replies;
    }
    return replies;
  } finally {
    socket.destroy();
  }
}

function dotStuff(message: string | Buffer): Buffer {
  let text = Buffer.isBuffer(message) ? message.toString('latin1') : Buffer.from(message, 'utf8').toString('latin1');
  text = text.replace(/(^|\r\n)\./g, '$1..');
  if (!text.endsWith('\r\n')) text += '\r\n';
  return Buffer.from(`${text}.\r\n`, 'latin1');
}

const FIXTURES = fileURLToPath(new URL('../fixtures/mail/', import.meta.url));

/**
 * A fixture mail from test/fixtures/mail with its `{{PLACEHOLDERS}}` filled in
 * (values are written as UTF-8). `{{UNIQUE}}`, which every fixture's
 * Message-ID contains, gets a fresh random value unless given, so one fixture
 * can be sent many times as different mails; give the same UNIQUE to send
 * the very same mail again. Any other placeholder left unfilled is an error.
 */
export function loadFixture(name: string, placeholders: Record<string, string> = {}): Buffer {
  const file = name.endsWith('.eml') ? name : `${name}.eml`;
  const values: Record<string, string> = { UNIQUE: randomBytes(6).toString('hex'), ...placeholders };
  const text = readFileSync(FIXTURES + file).toString('latin1');
  const missing = new Set<string>();
  const filled = text.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
    if (!(key in values)) {
      missing.add(key);
      return '';
    }
    return Buffer.from(values[key], 'utf8').toString('latin1');
  });
  if (missing.size) throw new Error(`fixture ${file} needs the placeholder(s) ${[...missing].join(', ')}`);
  return Buffer.from(filled, 'latin1');
}

/** The header block of a message and the offset where its body starts. */
function splitHead(raw: Buffer): { head: string; rest: string } {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  return end < 0 ? { head: text, rest: '' } : { head: text.slice(0, end + 2), rest: text.slice(end + 2) };
}

/** The unfolded value of the first top-level header `name`, or null (bytes read as UTF-8). */
export function headerOf(raw: Buffer, name: string): string | null {
  const { head } = splitHead(raw);
  const match = new RegExp(`^${escape(name)}:[ \\t]*((?:.*)(?:\\r\\n[ \\t].*)*)`, 'im').exec(head);
  if (!match) return null;
  return Buffer.from(match[1].replace(/\r\n(?=[ \t])/g, ''), 'latin1').toString('utf8').trim();
}

/** The Message-ID of a raw message without angle brackets, or null. */
export function messageIdOf(raw: Buffer): string | null {
  const value = headerOf(raw, 'Message-ID');
  return value ? value.replace(/^\s*<|>\s*$/g, '').trim() : null;
}

/**
 * Replaces every top-level header `name` (folded lines included) with one
 * `name: value` line where the first one was, or at the top when there was
 * none; `null` removes it. A non-ASCII value is written as raw UTF-8 (RFC 6532).
 */
export function setHeader(raw: Buffer, name: string, value: string | null): Buffer {
  const { head, rest } = splitHead(raw);
  const lines = head.split('\r\n');
  const out: string[] = [];
  let inserted = false;
  let skipping = false;
  const header = new RegExp(`^${escape(name)}:`, 'i');
  for (const line of lines) {
    if (skipping && /^[ \t]/.test(line)) continue;
    skipping = false;
    if (header.test(line)) {
      skipping = true;
      if (value !== null && !inserted) out.push(`${name}: ${utf8(value)}`);
      inserted = true;
      continue;
    }
    out.push(line);
  }
  if (!inserted && value !== null) out.unshift(`${name}: ${utf8(value)}`);
  return Buffer.from(out.join('\r\n') + rest, 'latin1');
}

/** UTF-8 bytes of `text` as a binary (latin1) string. */
function utf8(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
