import { expect } from '@jest/globals';
import pg from 'pg';
import type request from 'supertest';
import type { ApiClient } from '../support/api-client.js';
import { headerOf, loadFixture, messageIdOf, sendRaw, type Delivery } from '../support/send-mail.js';
import type { TestProduct } from '../support/start-product.js';
import { waitFor } from '../support/wait-for.js';

// What the mail suites share: the shapes the API answers, sending a fixture
// to the product, and waiting until the product has dealt with a mail.

export const DOMAIN = 'rowerownia.pl';
export const BIURO = `biuro@${DOMAIN}`;
export const REKLAMACJE = `reklamacje@${DOMAIN}`;
export const SKLEP = `sklep@${DOMAIN}`;

/** How long a mail may take from 250 to ticket before a test gives up (generous: not a timing assertion). */
export const PROCESSING_TIMEOUT_MS = 15_000;
/** How long to watch the sink before concluding that no mail is coming. */
export const QUIET_MS = 1500;

export interface InboundAddress {
  id: string;
  address: string;
  name: string | null;
  queueId: string | null;
  categoryId: string | null;
  priority: string | null;
  replyFromName: string | null;
  autoAcknowledge: boolean;
  createdAt: string;
}

export type InboundMailState = 'received' | 'processing' | 'processed' | 'failed';

export interface InboundMail {
  id: string;
  state: InboundMailState;
  envelopeFrom: string | null;
  envelopeTo: string[];
  clientIp: string | null;
  receivedAt: string;
  processedAt: string | null;
  size: number;
  messageId: string | null;
  subject: string | null;
  fromAddress: string | null;
  error: string | null;
  attempts: number;
  ticketId: string | null;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  inline: boolean;
}

export interface MailMessage {
  id: string;
  direction: 'inbound' | 'outbound' | 'note';
  fromAddress: string | null;
  toAddresses: string[];
  ccAddresses: string[];
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  visibleText: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  deliveryState: string;
  deliveryError: string | null;
  automated: boolean;
  attachments: Attachment[];
  createdAt: string;
}

export interface MailTicket {
  id: string;
  number: string;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  queueId: string | null;
  categoryId: string | null;
  customerId: string;
  inboundAddresses: string[];
  /** The closed ticket this one continues (a reply after the reopen window). */
  previousTicketId: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  customer: { id: string; email: string | null; name: string | null };
  messages: MailMessage[];
  events: { type: string; field: string | null; actorType: string; actorId: string | null; actorName: string | null; oldValue: unknown; newValue: unknown }[];
}

/** A Message-ID without angle brackets or surrounding space. */
export function bare(id: string): string {
  return id.trim().replace(/^<|>$/g, '').trim();
}

/** Whether two Message-IDs are the same, however each is bracketed. */
export function sameMessageId(a: string | null | undefined, b: string | null | undefined): boolean {
  return typeof a === 'string' && typeof b === 'string' && bare(a) === bare(b);
}

/** A Message-ID no mail ever had (to make a reply thread nowhere). */
export function unknownMessageId(): string {
  return `${Math.random().toString(36).slice(2)}.${Date.now()}@nigdzie.example`;
}

/** The address in a From header value, lower-cased ("Jan <jan@x.pl>" → "jan@x.pl"). */
export function addressIn(headerValue: string | null): string | null {
  if (!headerValue) return null;
  const match = /<([^>]+)>/.exec(headerValue) ?? /([^\s<>"]+@[^\s<>"]+)/.exec(headerValue);
  return match ? match[1].toLowerCase() : null;
}

export async function addInboundAddress(admin: ApiClient, body: Record<string, unknown>): Promise<InboundAddress> {
  const res = await admin.post('/inbound-addresses', body);
  if (res.status !== 201) throw new Error(`adding inbound address ${JSON.stringify(body)} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as InboundAddress;
}

export interface SentFixture {
  raw: Buffer;
  /** Without angle brackets (null for a fixture without one). */
  messageId: string | null;
  delivery: Delivery;
}

/**
 * Sends a fixture to the product in one SMTP session. The envelope sender
 * defaults to the From address of the fixture, the recipients to TO (and CC).
 */
export async function deliverFixture(
  product: TestProduct,
  fixture: string,
  placeholders: Record<string, string>,
  envelope: { from?: string; to?: string[] } = {},
): Promise<SentFixture> {
  return deliverRaw(product, loadFixture(fixture, placeholders), {
    from: envelope.from,
    to: envelope.to ?? [placeholders.TO, placeholders.CC].filter((a): a is string => Boolean(a)),
  });
}

/** Sends raw bytes; the envelope sender defaults to the From address in them. */
export async function deliverRaw(product: TestProduct, raw: Buffer, envelope: { from?: string; to: string[] }): Promise<SentFixture> {
  const from = envelope.from ?? addressIn(headerOf(raw, 'From')) ?? '';
  const delivery = await sendRaw(product.smtpPort!, { from, to: envelope.to, raw });
  return { raw, messageId: messageIdOf(raw), delivery };
}

/** Every inbound mail the product lists (newest first), optionally of one state. */
export async function listInboundMails(admin: ApiClient, state?: InboundMailState): Promise<InboundMail[]> {
  const items: InboundMail[] = [];
  for (let offset = 0; ; offset += 200) {
    const res = await admin.get(`/inbound-mails?limit=200&offset=${offset}${state ? `&state=${state}` : ''}`);
    expect(res.status).toBe(200);
    const page = res.body as { items: InboundMail[]; total: number };
    items.push(...page.items);
    if (page.items.length < 200 || items.length >= page.total) return items;
  }
}

/**
 * Waits until the product has processed the mail with this Message-ID (every
 * stored copy of it) and answers the copy that is filed on a ticket, if any.
 * Fails with the processing error as soon as one of them has failed.
 */
export async function waitForProcessed(admin: ApiClient, messageId: string, timeoutMs = PROCESSING_TIMEOUT_MS): Promise<InboundMail> {
  let failure: InboundMail | undefined;
  const mail = await waitFor(
    async () => {
      const mine = (await listInboundMails(admin)).filter((m) => sameMessageId(m.messageId, messageId));
      failure = mine.find((m) => m.state === 'failed');
      if (failure) return failure;
      if (!mine.length || mine.some((m) => m.state !== 'processed')) return null;
      return mine.find((m) => m.ticketId) ?? mine[0];
    },
    { timeoutMs, intervalMs: 100, description: `the mail <${messageId}> to be processed` },
  );
  if (failure) throw new Error(`the mail <${messageId}> failed to process: ${failure.error}`);
  return mail;
}

/** Waits until no inbound mail is waiting or being processed any more. */
export async function waitForQuiet(admin: ApiClient, timeoutMs = PROCESSING_TIMEOUT_MS): Promise<void> {
  await waitFor(
    async () => {
      const busy = [...(await listInboundMails(admin, 'received')), ...(await listInboundMails(admin, 'processing'))];
      return busy.length === 0;
    },
    { timeoutMs, intervalMs: 100, description: 'every inbound mail to be processed' },
  );
}

export async function readTicket(admin: ApiClient, ref: string): Promise<MailTicket> {
  const res = await admin.get(`/tickets/${ref}`);
  if (res.status !== 200) throw new Error(`reading ticket ${ref} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as MailTicket;
}

/** The ticket a mail was filed on, once it is processed. */
export async function ticketOfMail(admin: ApiClient, messageId: string): Promise<MailTicket> {
  const mail = await waitForProcessed(admin, messageId);
  if (!mail.ticketId) throw new Error(`the mail <${messageId}> was processed but filed on no ticket`);
  return readTicket(admin, mail.ticketId);
}

/** How many tickets the product has. */
export async function ticketCount(admin: ApiClient): Promise<number> {
  const res = await admin.get('/tickets?limit=1');
  expect(res.status).toBe(200);
  return (res.body as { total: number }).total;
}

/** The message of a ticket with this Message-ID. */
export function messageWithId(ticket: MailTicket, messageId: string): MailMessage | undefined {
  return ticket.messages.find((m) => sameMessageId(m.messageId, messageId));
}

/** Runs SQL against the product's database (for what has no API yet, e.g. queues). */
export async function withDatabase<T>(product: TestProduct, fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: product.databaseUrl });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/** A queue with this slug: the starter one when it exists (e.g. `complaints`), renamed to `name`. */
export async function addQueue(product: TestProduct, name: string, slug: string): Promise<string> {
  return withDatabase(product, async (db) => (await db.query(
    `INSERT INTO queues (name, slug) VALUES ($1, $2) ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [name, slug],
  )).rows[0].id);
}

export async function addCategory(product: TestProduct, name: string, slug: string): Promise<string> {
  return withDatabase(product, async (db) => (await db.query(`INSERT INTO categories (name, slug) VALUES ($1, $2) RETURNING id`, [name, slug])).rows[0].id);
}

export async function defaultQueueId(admin: ApiClient): Promise<string> {
  const queues = (await admin.get('/queues')).body.items as { id: string; isDefault: boolean }[];
  return queues.find((q) => q.isDefault)!.id;
}

/** supertest parser that keeps a response body as raw bytes. */
export function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
  res.on('error', (error: Error) => done(error, Buffer.alloc(0)));
}
