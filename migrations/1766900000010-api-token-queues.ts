import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The queues an agent-role API token works in: it sees and changes the
 * tickets of these queues only (none: no tickets). Admin-role tokens see
 * every ticket whatever is stored here.
 */
export class ApiTokenQueues1766900000010 implements MigrationInterface {
  name = 'ApiTokenQueues1766900000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens ADD COLUMN queue_ids uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_tokens DROP COLUMN IF EXISTS queue_ids`);
  }
}
