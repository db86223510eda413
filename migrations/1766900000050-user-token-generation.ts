import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter per user carried in their access tokens: changing the password
 * raises it, and every token with an older value stops working at once, even
 * one issued in the same second as the change.
 */
export class UserTokenGeneration1766900000050 implements MigrationInterface {
  name = 'UserTokenGeneration1766900000050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_generation integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS token_generation`);
  }
}
