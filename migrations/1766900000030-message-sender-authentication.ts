import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the SPF, DKIM and DMARC checks found of an inbound mail's sender, kept
 * on its message (null for messages that are not inbound mail, and for mail
 * received before the checks or with them switched off).
 */
export class MessageSenderAuthentication1766900000030 implements MigrationInterface {
  name = 'MessageSenderAuthentication1766900000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN authentication jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP COLUMN IF EXISTS authentication`);
  }
}
