import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channels: the ways customers reach the team (e-mail addresses, web forms, chat, phone, API clients, Allegro).
 * Every inbound address gets one `email` channel (name = the address's name or the address, settings `{address}`,
 * the same queue, category and priority). Messages record the channel they came in on or went out on, its type,
 * and the channel's own thread and message ids (a message redelivered by the channel is stored once).
 *
 * Existing messages: mail from customers gets the channel of the first of our addresses it was written to, replies
 * the channel of the address they were sent from.
 */
export class Channels1767000000020 implements MigrationInterface {
  name = 'Channels1767000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE channels (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN ('email', 'web_form', 'chat', 'phone', 'api', 'allegro')),
        name text NOT NULL,
        queue_id uuid REFERENCES queues (id) ON DELETE SET NULL,
        category_id uuid REFERENCES categories (id) ON DELETE SET NULL,
        priority text CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        settings jsonb NOT NULL DEFAULT '{}',
        key text NOT NULL DEFAULT translate(encode(decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'), 'base64'), '+/=', '-_'),
        active boolean NOT NULL DEFAULT true,
        inbound_address_id uuid UNIQUE REFERENCES inbound_addresses (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT channels_key_key UNIQUE (key),
        CONSTRAINT channels_email_has_address CHECK ((type = 'email') = (inbound_address_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX channels_type_idx ON channels (type, created_at, id)`);

    const addresses: { id: string }[] = await q.query(`SELECT id FROM inbound_addresses ORDER BY created_at, id`);
    for (const address of addresses) {
      await q.query(
        `INSERT INTO channels (type, name, queue_id, category_id, priority, settings, key, inbound_address_id, created_at, updated_at)
         SELECT 'email', coalesce(nullif(btrim(a.name), ''), a.address), a.queue_id, a.category_id, a.priority,
                jsonb_build_object('address', a.address), $2, a.id, a.created_at, a.updated_at
           FROM inbound_addresses a WHERE a.id = $1`,
        [address.id, randomBytes(32).toString('base64url')],
      );
    }

    await q.query(`
      ALTER TABLE messages
        ADD COLUMN channel_id uuid REFERENCES channels (id) ON DELETE SET NULL,
        ADD COLUMN channel_type text NOT NULL DEFAULT 'email' CHECK (channel_type IN ('email', 'web_form', 'chat', 'phone', 'api', 'allegro')),
        ADD COLUMN external_thread_id text,
        ADD COLUMN external_message_id text`);
    await q.query(`
      CREATE UNIQUE INDEX messages_external_message_key ON messages (channel_id, external_message_id)
        WHERE external_message_id IS NOT NULL`);
    // A channel's next message in a conversation finds the ticket by the channel's own thread id.
    await q.query(`
      CREATE INDEX messages_external_thread_idx ON messages (channel_id, external_thread_id, created_at DESC)
        WHERE external_thread_id IS NOT NULL`);

    if (addresses.length) {
      // Mail from customers: the first of our addresses it was written to.
      await q.query(`
        UPDATE messages m SET channel_id = hit.channel_id
          FROM (SELECT m2.id, (SELECT c.id FROM unnest(m2.to_addresses || m2.cc_addresses) WITH ORDINALITY AS r(address, n)
                                 JOIN inbound_addresses a ON lower(a.address) = lower(r.address)
                                 JOIN channels c ON c.inbound_address_id = a.id
                                ORDER BY r.n LIMIT 1) AS channel_id
                  FROM messages m2 WHERE m2.direction = 'inbound') hit
         WHERE m.id = hit.id AND hit.channel_id IS NOT NULL`);
      // Replies: the address they were sent from.
      await q.query(`
        UPDATE messages m SET channel_id = c.id
          FROM inbound_addresses a JOIN channels c ON c.inbound_address_id = a.id
         WHERE m.direction = 'outbound' AND m.from_address IS NOT NULL AND lower(a.address) = lower(m.from_address)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS messages_external_message_key`);
    for (const column of ['external_message_id', 'external_thread_id', 'channel_type', 'channel_id']) {
      await q.query(`ALTER TABLE messages DROP COLUMN IF EXISTS ${column}`);
    }
    await q.query(`DROP TABLE IF EXISTS channels`);
  }
}
