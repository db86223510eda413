import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction surveys sent after a ticket closes: at most one per ticket
 * (CSAT 1–5 or NPS 0–10), the link's expiry, and the customer's answer
 * (answered once). Reports read answered surveys by answer time.
 */
export class Surveys1766700000000 implements MigrationInterface {
  name = 'Surveys1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE surveys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('csat', 'nps')),
        rule_id uuid REFERENCES rules (id) ON DELETE SET NULL,
        message_id uuid REFERENCES messages (id) ON DELETE SET NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        score smallint,
        comment text,
        answered_at timestamptz,
        CHECK ((kind = 'csat' AND score BETWEEN 1 AND 5) OR (kind = 'nps' AND score BETWEEN 0 AND 10) OR score IS NULL),
        CHECK ((score IS NULL) = (answered_at IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX surveys_ticket_key ON surveys (ticket_id)`);
    await q.query(`CREATE INDEX surveys_answered_idx ON surveys (answered_at) WHERE answered_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS surveys`);
  }
}
