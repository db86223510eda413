import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Satisfaction surveys sent after a ticket closes: at most one per ticket
 * (CSAT 1–5 or NPS 0–10), the link's expiry, and the customer's answer
 * (answered once). Reports read answered surveys by answer time.
 * Seeds the scenario "closed → ask for CSAT" as a rule, disabled like the others.
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

    await q.query(
      `INSERT INTO rules (slug, name, description, enabled, position, trigger, trigger_params, conditions, actions)
       SELECT $1, $2, $3, false, coalesce(max(position), 0) + 10, 'ticket_closed', '{}', $4, $5 FROM rules WHERE trigger = 'ticket_closed'
       ON CONFLICT (slug) DO NOTHING`,
      [
        'close-csat-survey',
        'Ankieta CSAT po zamknięciu',
        'When a ticket is closed, the customer is asked how satisfied they are (1–5) by mail with a link; one survey per ticket, never to automated senders.',
        JSON.stringify({ match: 'all', conditions: [] }),
        JSON.stringify([{ type: 'send_survey', kind: 'csat' }]),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM rules WHERE slug = 'close-csat-survey'`);
    await q.query(`DROP TABLE IF EXISTS surveys`);
  }
}
