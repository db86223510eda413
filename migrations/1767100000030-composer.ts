import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The composer: blind copies of outbound mail (`messages.bcc_addresses`),
 * drafts kept on the server per agent and ticket (`message_drafts`, one per
 * pair), and signatures per queue and per agent (templates with placeholders).
 */
export class Composer1767100000030 implements MigrationInterface {
  name = 'Composer1767100000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN bcc_addresses text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE queues ADD COLUMN signature text`);
    await q.query(`ALTER TABLE users ADD COLUMN signature text`);
    await q.query(`
      CREATE TABLE message_drafts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        type text NOT NULL DEFAULT 'reply' CHECK (type IN ('reply', 'note')),
        body text NOT NULL DEFAULT '',
        html text,
        to_addresses text[] NOT NULL DEFAULT '{}',
        cc_addresses text[] NOT NULL DEFAULT '{}',
        bcc_addresses text[] NOT NULL DEFAULT '{}',
        channel_id uuid REFERENCES channels (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT message_drafts_ticket_user UNIQUE (ticket_id, user_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE message_drafts`);
    await q.query(`ALTER TABLE users DROP COLUMN signature`);
    await q.query(`ALTER TABLE queues DROP COLUMN signature`);
    await q.query(`ALTER TABLE messages DROP COLUMN bcc_addresses`);
  }
}
