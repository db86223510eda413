import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list's filter indexes carry `snoozed_until`, so counting the matches of a
 * filter (up to 10,001) reads the index alone. Every list leaves snoozed tickets
 * out by default, and without the column each of up to 10,001 matches was read
 * from the table: a queue's open tickets took 250 ms to count at a million
 * tickets, 3 ms from the index (docs/benchmarks.md).
 */
const INDEXES: [name: string, columns: string][] = [
  ['tickets_status_created_idx', '(status, created_at DESC)'],
  ['tickets_queue_status_idx', '(queue_id, status, created_at DESC)'],
  ['tickets_assignee_status_idx', '(assignee_id, status, created_at DESC)'],
  ['tickets_assignee_priority_idx', '(assignee_id, priority, created_at DESC, id DESC)'],
  ['tickets_priority_idx', '(priority, created_at DESC)'],
  ['tickets_category_idx', '(category_id, created_at DESC)'],
  ['tickets_channel_idx', '(channel, created_at DESC)'],
  ['tickets_customer_idx', '(customer_id, created_at DESC)'],
];

export class TicketListCoveringIndexes1767730000010 implements MigrationInterface {
  name = 'TicketListCoveringIndexes1767730000010';

  async up(q: QueryRunner): Promise<void> {
    for (const [name, columns] of INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON tickets ${columns} INCLUDE (snoozed_until)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name, columns] of INDEXES) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON tickets ${columns}`);
    }
  }
}
