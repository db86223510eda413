import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where a call's recording stands: fetched from its URL (once) or uploaded onto the call's ticket, or why not. */
export class CallRecordings1767400000010 implements MigrationInterface {
  name = 'CallRecordings1767400000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calls ADD COLUMN recording_state text CHECK (recording_state IN ('pending', 'attached', 'failed')), ADD COLUMN recording_error text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE calls DROP COLUMN recording_error, DROP COLUMN recording_state`);
  }
}
