import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { EntityManager } from 'typeorm';
import type { IncomingMessage } from '../../apps/api/src/modules/intake/incoming-message.js';
import { OneStatementOpenings } from '../../apps/api/src/modules/intake/one-statement-openings.js';
import type { OpenedWithCompanion, OpeningCompanionWriter } from '../../apps/api/src/modules/intake/opening-companion.js';
import { processedMailPart } from '../../apps/api/src/modules/mail/processed-mail.part.js';
import { startProductInProcess, type InProcessTestProduct } from '../support/start-product.js';

// New conversations of several channels arriving at the same moment are
// written together: mail records its inbound mails processed inside the
// tickets' statement (a part), a channel with rows of its own writes them in
// the tickets' transaction (a writer), others bring nothing. However they are
// batched, every message gets its own ticket, and each channel's rows name
// exactly the ticket of their own message.

jest.setTimeout(60_000);

const MAILS = 10;
const WRITTEN = 10;
const PLAIN = 6;

describe('new conversations of several channels written together', () => {
  let product: InProcessTestProduct;
  let db: pg.Client;

  beforeAll(async () => {
    // No worker: the inbound mails made below wait for this test, not for the mail pipeline.
    product = await startProductInProcess({ OKIENKO_ROLES: 'api' });
    db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await product?.close();
  });

  /** A new conversation from its own sender, on a channel of this type. */
  const message = (type: 'email' | 'api', n: number, email: IncomingMessage['email'] = null): IncomingMessage => ({
    channel: { id: null, type },
    sender: { identities: [{ kind: 'email', value: `klient.${type}.${n}@example.pl` }], name: `Klient ${type} ${n}` },
    subject: `${type} ${n}`,
    text: `Wiadomość ${type} ${n}`,
    visibleText: `Wiadomość ${type} ${n}`,
    html: null,
    attachments: [],
    automated: false,
    route: null,
    externalThreadId: null,
    externalMessageId: null,
    email,
    startsConversation: type === 'api' ? true : undefined,
  });

  it('gives every message its ticket, and each channel its rows on its own ticket', async () => {
    const mailIds: string[] = [];
    for (let n = 0; n < MAILS; n++) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO inbound_mails (raw, size, sha256, envelope_to) VALUES ('x', 1, $1, '{biuro@example.pl}') RETURNING id`,
        [`sha-${n}`],
      );
      mailIds.push(rows[0].id);
    }
    const writerCalls: OpenedWithCompanion<number>[][] = [];
    const writer: OpeningCompanionWriter<number> = {
      async write(manager: EntityManager, opened) {
        writerCalls.push([...opened]);
        await manager.query(
          `INSERT INTO ticket_events (ticket_id, type, actor_type, new_value)
           SELECT t.ticket_id, 'channel_rows', 'system', jsonb_build_object('n', t.n) FROM json_to_recordset($1::json) AS t(ticket_id uuid, n int)`,
          [JSON.stringify(opened.map((o) => ({ ticket_id: o.ticket.ticketId, n: o.value })))],
        );
      },
    };
    const openings = product.running.app.get(OneStatementOpenings, { strict: false });

    const work = [
      ...mailIds.map(async (id, n) => {
        const messageId = `<${randomUUID()}@example.pl>`;
        const email: NonNullable<IncomingMessage['email']> = {
          inboundMailId: id, messageId, threadIds: [], inReplyTo: null, references: [], ticketNumbers: [], from: `klient.email.${n}@example.pl`,
          replyTo: [], to: ['biuro@example.pl'], cc: [], reachedAddresses: ['biuro@example.pl'], kind: 'human', bounce: null, authentication: null,
        };
        const received = await openings.open(message('email', n, email), {
          part: processedMailPart, value: { id, messageId, subject: `email ${n}`, fromAddress: `klient.email.${n}@example.pl` },
        });
        return { kind: 'mail' as const, n, id, received };
      }),
      ...Array.from({ length: WRITTEN }, async (_, n) => ({ kind: 'written' as const, n, received: await openings.open(message('api', n), { writer, value: n }) })),
      ...Array.from({ length: PLAIN }, async (_, n) => ({ kind: 'plain' as const, n, received: await openings.open(message('api', 100 + n)) })),
    ];
    const results = await Promise.all(work);

    // Every message: a new ticket of its own, with its own subject.
    for (const { received } of results) expect(received).toMatchObject({ outcome: 'new_ticket' });
    const ticketIds = results.map((r) => r.received!.ticketId!);
    expect(new Set(ticketIds).size).toBe(MAILS + WRITTEN + PLAIN);
    const { rows: tickets } = await db.query<{ id: string; subject: string }>(`SELECT id, subject FROM tickets`);
    expect(tickets).toHaveLength(MAILS + WRITTEN + PLAIN);
    const subjectOf = new Map(tickets.map((t) => [t.id, t.subject]));
    for (const r of results) {
      const expected = r.kind === 'mail' ? `email ${r.n}` : r.kind === 'written' ? `api ${r.n}` : `api ${100 + r.n}`;
      expect(subjectOf.get(r.received!.ticketId!)).toBe(expected);
    }

    // Mail: each inbound mail processed, pointing at its own ticket.
    const { rows: mails } = await db.query<{ id: string; state: string; outcome: string; ticket_id: string; subject: string }>(
      `SELECT id, state, outcome, ticket_id, subject FROM inbound_mails`,
    );
    for (const r of results.filter((x) => x.kind === 'mail')) {
      const row = mails.find((m) => m.id === (r as { id: string }).id);
      expect(row).toMatchObject({ state: 'processed', outcome: 'new_ticket', ticket_id: r.received!.ticketId, subject: `email ${r.n}` });
    }

    // The writer: each of its messages once, on its own ticket; nobody else's.
    const written = writerCalls.flat();
    expect(written.map((o) => o.value).sort((a, b) => a - b)).toEqual(Array.from({ length: WRITTEN }, (_, n) => n));
    const { rows: channelRows } = await db.query<{ ticket_id: string; n: number }>(
      `SELECT ticket_id, (new_value ->> 'n')::int AS n FROM ticket_events WHERE type = 'channel_rows'`,
    );
    expect(channelRows).toHaveLength(WRITTEN);
    for (const r of results.filter((x) => x.kind === 'written')) {
      expect(channelRows.find((row) => row.n === r.n)?.ticket_id).toBe(r.received!.ticketId);
    }
  });
});
