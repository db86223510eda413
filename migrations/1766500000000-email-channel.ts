import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The e-mail channel: the addresses Okienko receives mail for, every raw mail
 * as it arrived (kept before the SMTP answer, so none is ever lost), and what
 * tickets and messages need for threading, loop protection and delivery.
 */
export class EmailChannel1766500000000 implements MigrationInterface {
  name = 'EmailChannel1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbound_addresses (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        address text NOT NULL,
        name text,
        queue_id uuid REFERENCES queues (id) ON DELETE SET NULL,
        category_id uuid REFERENCES categories (id) ON DELETE SET NULL,
        priority text CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        reply_from_name text,
        auto_acknowledge boolean NOT NULL DEFAULT true,
        acknowledgement_subject text,
        acknowledgement_body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX inbound_addresses_address_key ON inbound_addresses (lower(address))`);

    await q.query(`
      CREATE TABLE inbound_mails (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        state text NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'processing', 'processed', 'failed')),
        outcome text,
        raw bytea NOT NULL,
        size integer NOT NULL,
        sha256 text NOT NULL,
        envelope_from text,
        envelope_to text[] NOT NULL,
        client_ip text,
        helo text,
        received_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        message_id text,
        subject text,
        from_address text,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        ticket_id uuid REFERENCES tickets (id) ON DELETE SET NULL
      )`);
    await q.query(`CREATE INDEX inbound_mails_state_idx ON inbound_mails (state, received_at)`);
    await q.query(`CREATE INDEX inbound_mails_received_idx ON inbound_mails (received_at DESC)`);

    await q.query(`ALTER TABLE tickets ADD COLUMN inbound_addresses text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE tickets ADD COLUMN previous_ticket_id uuid REFERENCES tickets (id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE messages ADD COLUMN visible_text text`);
    await q.query(`ALTER TABLE messages ADD COLUMN automated boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE messages ADD COLUMN inbound_mail_id uuid REFERENCES inbound_mails (id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE messages ADD COLUMN sent_at timestamptz`);
    await q.query(`ALTER TABLE messages ADD COLUMN delivery_attempts integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE INDEX messages_delivery_pending_idx ON messages (delivery_state) WHERE delivery_state IN ('queued', 'sending')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS messages_delivery_pending_idx`);
    for (const column of ['delivery_attempts', 'sent_at', 'inbound_mail_id', 'automated', 'visible_text']) {
      await q.query(`ALTER TABLE messages DROP COLUMN IF EXISTS ${column}`);
    }
    await q.query(`ALTER TABLE tickets DROP COLUMN IF EXISTS previous_ticket_id`);
    await q.query(`ALTER TABLE tickets DROP COLUMN IF EXISTS inbound_addresses`);
    await q.query(`DROP TABLE IF EXISTS inbound_mails`);
    await q.query(`DROP TABLE IF EXISTS inbound_addresses`);
  }
}
