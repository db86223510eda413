import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Reply-To addresses of an inbound mail, kept on its message when they
 * are not its From address: answers on the ticket go there.
 */
export class MessageReplyTo1766900000020 implements MigrationInterface {
  name = 'MessageReplyTo1766900000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN reply_to_addresses text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP COLUMN IF EXISTS reply_to_addresses`);
  }
}
