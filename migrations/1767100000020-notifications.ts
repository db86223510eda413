import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications of agents (mentions, assignments, customer replies, SLA
 * warnings, snoozes that ended), the tickets an agent watches, each agent's
 * choice of what also comes by mail, and snoozed tickets (`snoozed_until`:
 * out of Today and the default list until then; a sweep wakes them).
 */
export class Notifications1767100000020 implements MigrationInterface {
  name = 'Notifications1767100000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('mention', 'assigned', 'customer_replied', 'sla_warning', 'snooze_ended')),
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        -- The audit event it stems from, written in the same transaction: live delivery follows the audit trail.
        event_id bigint,
        actor jsonb NOT NULL DEFAULT '{}',
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz,
        mailed_at timestamptz
      )`);
    // The caller's list: unread first, newest first; the unread count.
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, (read_at IS NULL) DESC, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notifications_ticket_idx ON notifications (ticket_id)`);
    await q.query(`CREATE INDEX notifications_event_idx ON notifications (event_id) WHERE event_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE ticket_watchers (
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ticket_id, user_id)
      )`);
    await q.query(`CREATE INDEX ticket_watchers_user_idx ON ticket_watchers (user_id)`);
    await q.query(`ALTER TABLE users ADD COLUMN notification_settings jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE tickets ADD COLUMN snoozed_until timestamptz`);
    await q.query(`CREATE INDEX tickets_snoozed_until_idx ON tickets (snoozed_until) WHERE snoozed_until IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tickets_snoozed_until_idx`);
    await q.query(`ALTER TABLE tickets DROP COLUMN snoozed_until`);
    await q.query(`ALTER TABLE users DROP COLUMN notification_settings`);
    await q.query(`DROP TABLE ticket_watchers`);
    await q.query(`DROP TABLE notifications`);
  }
}
