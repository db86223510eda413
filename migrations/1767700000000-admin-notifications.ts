import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications of administrators that concern no ticket: `webhook_disabled`
 * (an integrator's endpoint failed for WEBHOOKS_DISABLE_AFTER_HOURS and was
 * switched off). Such a notification has no ticket; every other kind keeps one.
 */
export class AdminNotifications1767700000000 implements MigrationInterface {
  name = 'AdminNotifications1767700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ALTER COLUMN ticket_id DROP NOT NULL`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('mention', 'assigned', 'customer_replied', 'sla_warning', 'snooze_ended', 'webhook_disabled'))`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_ticket_check CHECK (ticket_id IS NOT NULL OR kind = 'webhook_disabled')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE ticket_id IS NULL`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_ticket_check`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check
        CHECK (kind IN ('mention', 'assigned', 'customer_replied', 'sla_warning', 'snooze_ended'))`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN ticket_id SET NOT NULL`);
  }
}
