import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The ticket fields every report can be narrowed to: carried in the report indexes so filtered reports read only the index. */
const FILTERS = 'queue_id, category_id, channel, priority, assignee_id';

/**
 * Reports: the first response and resolution times in business time (counted
 * once, when they happen, on the calendar of the ticket's SLA policy), and the
 * covering indexes the reports read a year of data through without touching
 * the tables (index-only scans): tickets by the moment they were created,
 * answered, resolved, closed and breached, status-change and rule events,
 * agents' replies, inbound mails and surveys by time. The indexes on moments
 * that a new ticket does not have yet are partial, so opening a ticket pays
 * for one more index only.
 */
export class Reports1766700000001 implements MigrationInterface {
  name = 'Reports1766700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tickets
        ADD COLUMN first_response_business_seconds integer,
        ADD COLUMN resolution_business_seconds integer`);
    await q.query(`
      CREATE INDEX tickets_report_created_idx ON tickets (created_at)
        INCLUDE (${FILTERS}, tags, status, sla_policy_id, first_response_at, first_response_due_at, first_response_breached_at,
                 resolved_at, resolution_due_at, resolution_breached_at)`);
    await q.query(`
      CREATE INDEX tickets_report_first_response_idx ON tickets (first_response_at)
        INCLUDE (created_at, first_response_business_seconds, ${FILTERS}) WHERE first_response_at IS NOT NULL`);
    await q.query(`
      CREATE INDEX tickets_report_resolved_idx ON tickets (resolved_at)
        INCLUDE (created_at, resolution_business_seconds, ${FILTERS}) WHERE resolved_at IS NOT NULL`);
    await q.query(`CREATE INDEX tickets_report_closed_idx ON tickets (closed_at) INCLUDE (${FILTERS}) WHERE closed_at IS NOT NULL`);
    for (const target of ['first_response', 'next_response', 'resolution']) {
      await q.query(`
        CREATE INDEX tickets_report_${target}_breached_idx ON tickets (${target}_breached_at)
          INCLUDE (sla_policy_id, ${FILTERS}) WHERE ${target}_breached_at IS NOT NULL`);
    }
    await q.query(`
      CREATE INDEX tickets_report_statutory_idx ON tickets (statutory_due_at)
        INCLUDE (statutory_breached_at, resolved_at, ${FILTERS}) WHERE statutory_due_at IS NOT NULL`);
    await q.query(`
      CREATE INDEX ticket_events_report_status_idx ON ticket_events (created_at) INCLUDE (ticket_id, old_value, new_value)
        WHERE type = 'field_changed' AND field = 'status'`);
    await q.query(`
      CREATE INDEX ticket_events_report_rule_idx ON ticket_events (created_at) INCLUDE (ticket_id, actor_id, actor_name, type, field, new_value)
        WHERE actor_type = 'rule'`);
    await q.query(`
      CREATE INDEX messages_report_replies_idx ON messages (created_at) INCLUDE (author_user_id, ticket_id)
        WHERE direction = 'outbound' AND author_user_id IS NOT NULL AND NOT automated AND purpose = 'conversation'`);
    await q.query(`CREATE INDEX inbound_mails_report_idx ON inbound_mails (received_at) INCLUDE (envelope_to, ticket_id)`);
    await q.query(`CREATE INDEX surveys_report_answered_idx ON surveys (answered_at) INCLUDE (kind, score, ticket_id) WHERE answered_at IS NOT NULL`);
    await q.query(`CREATE INDEX surveys_report_sent_idx ON surveys (sent_at) INCLUDE (answered_at, ticket_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'surveys_report_sent_idx', 'surveys_report_answered_idx', 'inbound_mails_report_idx', 'messages_report_replies_idx',
      'ticket_events_report_rule_idx', 'ticket_events_report_status_idx', 'tickets_report_statutory_idx',
      'tickets_report_resolution_breached_idx', 'tickets_report_next_response_breached_idx', 'tickets_report_first_response_breached_idx',
      'tickets_report_closed_idx', 'tickets_report_resolved_idx', 'tickets_report_first_response_idx', 'tickets_report_created_idx',
    ]) {
      await q.query(`DROP INDEX IF EXISTS ${index}`);
    }
    await q.query(`ALTER TABLE tickets DROP COLUMN first_response_business_seconds, DROP COLUMN resolution_business_seconds`);
  }
}
