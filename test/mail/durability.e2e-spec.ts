import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { Redis } from 'ioredis';
import { asAdmin } from '../support/api-client.js';
import { loadFixture, messageIdOf, sendRaw } from '../support/send-mail.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { TEST_REDIS_URL } from '../support/test-database.js';
import { sleep } from '../support/wait-for.js';
import { addInboundAddress, BIURO, listInboundMails, QUIET_MS, sameMessageId, ticketCount, ticketOfMail } from './mail-kit.js';

// A crash between the 250 and the processing loses nothing: the listener
// answers 250 only once the raw mail is in PostgreSQL, and a product that
// starts again finds the mails still `received` and turns them into tickets,
// even when the Redis queue is gone as well.

jest.setTimeout(120_000);

const FIXTURES = ['gmail-plain', 'outlook-html-inline-pdf', 'onet-iso-8859-2', 'interia-windows-1250', 'apple-mail-reply'];

/** Removes every Redis key of a product (its queue jobs included), as if Redis had been lost. */
async function loseRedis(product: TestProduct): Promise<number> {
  const prefix = new URL(product.databaseUrl).pathname.slice(1);
  const redis = new Redis(TEST_REDIS_URL);
  try {
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) removed += await redis.del(...keys);
    } while (cursor !== '0');
    return removed;
  } finally {
    redis.disconnect();
  }
}

describe.each([
  ['the product restarts', false],
  ['the product restarts and Redis lost its queue too', true],
])('mail accepted before a crash is processed after restart: %s', (_title, redisLost) => {
  const products: TestProduct[] = [];
  let sink: SmtpSink;

  afterAll(async () => {
    for (const product of products) await product.close().catch(() => undefined);
    await sink?.close();
  });

  it('every mail answered with 250 becomes exactly one ticket, acknowledged once', async () => {
    sink = await startSmtpSink();
    const env = { OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' };

    // A listener without a worker: it accepts and stores, nothing processes.
    const first = await startProduct({ ...env, OKIENKO_ROLES: 'api,smtp' });
    products.push(first);
    const admin = await asAdmin(first);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro' });

    const sent: Buffer[] = FIXTURES.map((fixture) => loadFixture(fixture, { TO: BIURO, REPLY_TO: `${fixture}.nieznany@nigdzie.example` }));
    for (const raw of sent) {
      const { response } = await sendRaw(first.smtpPort!, { from: 'klient@example.pl', to: [BIURO], raw });
      expect(response).toMatch(/^250/);
    }
    const stored = await listInboundMails(admin);
    expect(stored).toHaveLength(sent.length);
    expect(stored.map((m) => m.state)).toEqual(sent.map(() => 'received'));
    await sleep(1000);
    expect((await listInboundMails(admin, 'received')).length).toBe(sent.length);
    expect(await ticketCount(admin)).toBe(0);

    // The crash.
    await first.close();
    products.splice(products.indexOf(first), 1);
    // (The listener queued a job per mail: those go too.)
    if (redisLost) expect(await loseRedis(first)).toBeGreaterThan(0);

    // The same installation starts again, with every role.
    const second = await startProduct(env, { reuseDatabaseOf: first });
    products.push(second);
    const admin2 = await asAdmin(second);
    const tickets = [];
    for (const raw of sent) tickets.push(await ticketOfMail(admin2, messageIdOf(raw)!));
    expect(new Set(tickets.map((t) => t.id)).size).toBe(sent.length);
    expect(await ticketCount(admin2)).toBe(sent.length);
    for (const ticket of tickets) expect(ticket.messages.filter((m) => m.direction === 'inbound')).toHaveLength(1);
    expect((await listInboundMails(admin2)).map((m) => m.state)).toEqual(sent.map(() => 'processed'));

    // Each customer is acknowledged exactly once.
    for (const raw of sent) await sink.waitFor((m) => sameMessageId(m.inReplyTo, messageIdOf(raw)));
    await sleep(QUIET_MS);
    for (const raw of sent) expect(sink.messages.filter((m) => sameMessageId(m.inReplyTo, messageIdOf(raw)))).toHaveLength(1);
  });
});
