import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that hand the ticket list its first page in order instead of
 * sorting every match (measured at a million tickets, docs/benchmarks.md):
 * one agent's tickets by priority (`sort=-priority` sorts by the same CASE
 * as the list), unassigned tickets of a priority newest first; and the
 * customers' identities by prefix, for the search as you type (`jan@exa`,
 * `+48600 1…`) and the ticket search's e-mail prefixes.
 */
export class TicketListIndexes1767200000020 implements MigrationInterface {
  name = 'TicketListIndexes1767200000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX tickets_assignee_priority_rank_idx ON tickets
        (assignee_id, (CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END), created_at, id)`);
    await q.query(`CREATE INDEX tickets_assignee_priority_idx ON tickets (assignee_id, priority, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX customer_identities_value_prefix_idx ON customer_identities (value text_pattern_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS customer_identities_value_prefix_idx`);
    await q.query(`DROP INDEX IF EXISTS tickets_assignee_priority_idx`);
    await q.query(`DROP INDEX IF EXISTS tickets_assignee_priority_rank_idx`);
  }
}
