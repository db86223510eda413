import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merge, split and link tickets. A ticket merged into another is closed and
 * points at it (`merged_into_id`); replies to it land in the ticket it was
 * merged into (followed along a chain of merges). `ticket_links` holds
 * symmetric links between two tickets (`related`, or `split`: one was split
 * off the other), stored once per pair with the smaller id first.
 */
export class TicketRelations1767100000010 implements MigrationInterface {
  name = 'TicketRelations1767100000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tickets ADD COLUMN merged_into_id uuid REFERENCES tickets (id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX tickets_merged_into_idx ON tickets (merged_into_id) WHERE merged_into_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE ticket_links (
        ticket_a_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        ticket_b_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('related', 'split')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_a_id, ticket_b_id),
        CHECK (ticket_a_id < ticket_b_id)
      )`);
    await q.query(`CREATE INDEX ticket_links_b_idx ON ticket_links (ticket_b_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE ticket_links`);
    await q.query(`DROP INDEX tickets_merged_into_idx`);
    await q.query(`ALTER TABLE tickets DROP COLUMN merged_into_id`);
  }
}
