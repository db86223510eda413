import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines on tickets: the SLA policy that applies, the due and warning
 * times of its targets (first response, next response, resolution), the
 * pause bookkeeping (closed pauses and the open one), when a warning or
 * breach was recorded (each at most once per deadline), the statutory
 * complaint deadline, and `sla_next_check_at` (the next moment the sweep has
 * something to record for the ticket), indexed for the sweep.
 */
export class TicketDeadlines1766600000004 implements MigrationInterface {
  name = 'TicketDeadlines1766600000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE tickets
        ADD COLUMN sla_policy_id uuid REFERENCES sla_policies (id) ON DELETE SET NULL,
        ADD COLUMN first_response_due_at timestamptz,
        ADD COLUMN first_response_warn_at timestamptz,
        ADD COLUMN next_response_started_at timestamptz,
        ADD COLUMN next_response_due_at timestamptz,
        ADD COLUMN next_response_warn_at timestamptz,
        ADD COLUMN resolution_due_at timestamptz,
        ADD COLUMN resolution_warn_at timestamptz,
        ADD COLUMN statutory_due_at timestamptz,
        ADD COLUMN sla_paused_since timestamptz,
        ADD COLUMN sla_pauses jsonb NOT NULL DEFAULT '[]',
        ADD COLUMN first_response_warned_at timestamptz,
        ADD COLUMN first_response_breached_at timestamptz,
        ADD COLUMN next_response_warned_at timestamptz,
        ADD COLUMN next_response_breached_at timestamptz,
        ADD COLUMN resolution_warned_at timestamptz,
        ADD COLUMN resolution_breached_at timestamptz,
        ADD COLUMN statutory_breached_at timestamptz,
        ADD COLUMN sla_next_check_at timestamptz`);
    await q.query(`CREATE INDEX tickets_sla_next_check_idx ON tickets (sla_next_check_at) WHERE sla_next_check_at IS NOT NULL`);
    await q.query(`CREATE INDEX tickets_sla_policy_idx ON tickets (sla_policy_id) WHERE sla_policy_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS tickets_sla_policy_idx`);
    await q.query(`DROP INDEX IF EXISTS tickets_sla_next_check_idx`);
    await q.query(`
      ALTER TABLE tickets
        DROP COLUMN sla_policy_id, DROP COLUMN first_response_due_at, DROP COLUMN first_response_warn_at,
        DROP COLUMN next_response_started_at, DROP COLUMN next_response_due_at, DROP COLUMN next_response_warn_at,
        DROP COLUMN resolution_due_at, DROP COLUMN resolution_warn_at, DROP COLUMN statutory_due_at,
        DROP COLUMN sla_paused_since, DROP COLUMN sla_pauses, DROP COLUMN first_response_warned_at,
        DROP COLUMN first_response_breached_at, DROP COLUMN next_response_warned_at, DROP COLUMN next_response_breached_at,
        DROP COLUMN resolution_warned_at, DROP COLUMN resolution_breached_at, DROP COLUMN statutory_breached_at,
        DROP COLUMN sla_next_check_at`);
  }
}
