import type { AddressObject, ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { headerOf } from './send-mail.js';
import { sleep, waitFor } from './wait-for.js';

// The relay the product sends its mail through in tests (OUTBOUND_SMTP_URL):
// a plain SMTP server (no TLS, no AUTH) that keeps every mail it accepts,
// raw and parsed, and can be told to refuse the next transaction(s).

export interface CapturedMail {
  /** The SMTP envelope: MAIL FROM ('' for the null sender) and every RCPT TO. */
  envelope: { mailFrom: string; rcptTo: string[] };
  /** The message exactly as it came over the wire. */
  raw: Buffer;
  parsed: ParsedMail;
  receivedAt: Date;
  /** Message-ID without angle brackets, or null. */
  messageId: string | null;
  /** In-Reply-To without angle brackets, or null. */
  inReplyTo: string | null;
  /** References, each without angle brackets. */
  references: string[];
  subject: string;
  /** The From header's address and display name. */
  from: { address: string; name: string } | null;
  /** Every address of the To header. */
  to: string[];
  /** The plain-text body (mailparser's, derived from HTML when there is no text part). */
  text: string;
  /** The unfolded raw value of the first header `name`, or null. */
  header(name: string): string | null;
}

export type SinkStage = 'mail' | 'rcpt' | 'data';

export interface SinkRejection {
  stage: SinkStage;
  code: number;
  message: string;
  mailFrom: string;
  rcptTo: string[];
  at: Date;
}

export interface SmtpSink {
  port: number;
  /** `smtp://127.0.0.1:<port>`, for OUTBOUND_SMTP_URL. */
  url: string;
  /** Every accepted mail, oldest first. */
  messages: CapturedMail[];
  /** Every transaction the sink refused because of failNext. */
  rejections: SinkRejection[];
  /** The first mail (already captured or still to come) matching `predicate`. */
  waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** Waits `forMs` and fails as soon as a mail matching `predicate` arrives (or is already there). */
  expectNone(predicate: (mail: CapturedMail) => boolean, forMs?: number): Promise<void>;
  /**
   * Refuses the next `times` transactions (default 1) with `code message`, at RCPT
   * time by default (as a relay does for an unknown mailbox), or at MAIL FROM
   * or after DATA.
   */
  failNext(code: number, message: string, options?: { stage?: SinkStage; times?: number }): void;
  close(): Promise<void>;
}

const strip = (id: string): string => id.trim().replace(/^<|>$/g, '');

function addresses(field: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] {
  return (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
    group.value.flatMap((a) => (a.group ? a.group : [a])).map((a) => ({ address: a.address ?? '', name: a.name ?? '' })),
  );
}

function capture(raw: Buffer, parsed: ParsedMail, envelope: CapturedMail['envelope']): CapturedMail {
  const references = parsed.references === undefined ? [] : Array.isArray(parsed.references) ? parsed.references : parsed.references.split(/\s+/);
  return {
    envelope,
    raw,
    parsed,
    receivedAt: new Date(),
    messageId: parsed.messageId ? strip(parsed.messageId) : null,
    inReplyTo: parsed.inReplyTo ? strip(parsed.inReplyTo) : null,
    references: references.filter(Boolean).map(strip),
    subject: parsed.subject ?? '',
    from: addresses(parsed.from)[0] ?? null,
    to: addresses(parsed.to).map((a) => a.address),
    text: parsed.text ?? '',
    header: (name) => headerOf(raw, name),
  };
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: CapturedMail[] = [];
  const rejections: SinkRejection[] = [];
  const failures: { code: number; message: string; stage: SinkStage }[] = [];
  /** Transactions already refused, by session id, so one transaction consumes one failure. */
  const refused = new Set<string>();

  const takeFailure = (stage: SinkStage, sessionKey: string): { code: number; message: string } | null => {
    if (refused.has(sessionKey)) return null;
    const index = failures.findIndex((f) => f.stage === stage);
    if (index < 0) return null;
    refused.add(sessionKey);
    return failures.splice(index, 1)[0];
  };
  /**
   * Each MAIL FROM starts a transaction of its own, also on a connection the
   * sender keeps open for the next mail after a refused one (the server's own
   * transaction counter only moves on after a completed one).
   */
  const transactions = new Map<string, number>();
  let lastTransaction = 0;
  const transactionKey = (session: { id: string }) => `${session.id}/${transactions.get(session.id) ?? 0}`;
  const mailFromOf = (envelope: { mailFrom: { address: string } | false }) => (envelope.mailFrom ? envelope.mailFrom.address : '');

  const server = new SMTPServer({
    name: 'sink.okienko.test',
    banner: 'Okienko test sink',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: 100 * 1024 * 1024,
    logger: false,
    closeTimeout: 1000,
    onMailFrom(address, session, callback) {
      transactions.set(session.id, ++lastTransaction);
      const failure = takeFailure('mail', transactionKey(session));
      if (!failure) return callback();
      rejections.push({ stage: 'mail', ...failure, mailFrom: address.address, rcptTo: [], at: new Date() });
      callback(smtpError(failure.code, failure.message));
    },
    onRcptTo(address, session, callback) {
      const failure = takeFailure('rcpt', transactionKey(session));
      if (!failure) return callback();
      rejections.push({ stage: 'rcpt', ...failure, mailFrom: mailFromOf(session.envelope), rcptTo: [address.address], at: new Date() });
      callback(smtpError(failure.code, failure.message));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        const envelope = { mailFrom: mailFromOf(session.envelope), rcptTo: session.envelope.rcptTo.map((r) => r.address) };
        const failure = takeFailure('data', transactionKey(session));
        if (failure) {
          rejections.push({ stage: 'data', ...failure, ...envelope, at: new Date() });
          return callback(smtpError(failure.code, failure.message));
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            // Kept before the 250, so whoever saw the send succeed finds the mail here.
            messages.push(capture(raw, parsed, envelope));
            callback(null, 'OK: captured');
          })
          .catch((error: Error) => callback(smtpError(451, `sink could not parse the message: ${error.message}`)));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    rejections,
    waitFor: (predicate, timeoutMs = 10_000) =>
      waitFor(() => messages.find(predicate), { timeoutMs, intervalMs: 25, description: 'a mail at the SMTP sink' }),
    async expectNone(predicate, forMs = 1500) {
      const deadline = Date.now() + forMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) {
          throw new Error(
            `expected no such mail at the SMTP sink, but got one to ${found.envelope.rcptTo.join(', ')} with subject ${JSON.stringify(found.subject)}`,
          );
        }
        if (Date.now() >= deadline) return;
        await sleep(Math.min(50, deadline - Date.now()));
      }
    },
    failNext(code, message, options = {}) {
      for (let i = 0; i < (options.times ?? 1); i++) failures.push({ code, message, stage: options.stage ?? 'rcpt' });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
