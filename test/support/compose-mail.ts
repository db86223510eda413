import { randomUUID } from 'node:crypto';

export interface PlainMail {
  from: string;
  fromName?: string;
  to: string;
  subject: string;
  body: string;
  /** Without angle brackets; a fresh one by default. */
  messageId?: string;
  inReplyTo?: string;
  headers?: Record<string, string>;
}

/** Encodes a header value with non-ASCII characters as an RFC 2047 encoded word, as mail clients do. */
function encodeWord(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** A plain-text mail as a person's mail client sends it (UTF-8, 8bit body). */
export function composeMail(mail: PlainMail): { raw: Buffer; messageId: string } {
  const messageId = mail.messageId ?? `${randomUUID()}@poczta.example.pl`;
  const lines = [
    `From: ${mail.fromName ? `${encodeWord(mail.fromName)} <${mail.from}>` : mail.from}`,
    `To: ${mail.to}`,
    `Subject: ${encodeWord(mail.subject)}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${messageId}>`,
    ...(mail.inReplyTo ? [`In-Reply-To: <${mail.inReplyTo}>`, `References: <${mail.inReplyTo}>`] : []),
    ...Object.entries(mail.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    mail.body,
    '',
  ];
  return { raw: Buffer.from(lines.join('\r\n'), 'utf8'), messageId };
}
