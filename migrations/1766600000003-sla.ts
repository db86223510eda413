import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Monday to Friday 8:00–16:00 in Warsaw, Polish public holidays off: the default calendar (as `DEFAULT_CALENDAR` was when this was written). */
const OFFICE_HOURS = [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '16:00' }));

/**
 * SLA: business calendars (when the helpdesk works) and SLA policies (which
 * tickets must be answered and resolved how soon, on which clock). Seeds the
 * office calendar as the default one and the product brief's policies, found
 * by the slugs of the starter categories; the catch-all comes last.
 */
export class Sla1766600000003 implements MigrationInterface {
  name = 'Sla1766600000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calendars (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        time_zone text NOT NULL,
        weekly_periods jsonb NOT NULL,
        holidays text NOT NULL DEFAULT 'PL' CHECK (holidays IN ('PL', 'none')),
        extra_days_off jsonb NOT NULL DEFAULT '[]',
        extra_working_days jsonb NOT NULL DEFAULT '[]',
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX calendars_name_key ON calendars (lower(name))`);
    await q.query(`CREATE UNIQUE INDEX calendars_single_default ON calendars (is_default) WHERE is_default`);

    await q.query(`
      CREATE TABLE sla_policies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        description text,
        position integer NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        conditions jsonb NOT NULL DEFAULT '{}',
        first_response jsonb,
        next_response jsonb,
        resolution jsonb,
        calendar_id uuid REFERENCES calendars (id) ON DELETE RESTRICT,
        pause_statuses text[] NOT NULL DEFAULT '{waiting_customer}',
        warning jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX sla_policies_name_key ON sla_policies (lower(name))`);
    await q.query(`CREATE INDEX sla_policies_position_idx ON sla_policies (position, id)`);
    await q.query(`CREATE INDEX sla_policies_calendar_idx ON sla_policies (calendar_id) WHERE calendar_id IS NOT NULL`);

    await q.query(
      `INSERT INTO calendars (name, time_zone, weekly_periods, holidays, is_default) VALUES ($1, 'Europe/Warsaw', $2, 'PL', true)`,
      ['Godziny pracy biura', JSON.stringify(OFFICE_HOURS)],
    );
    await this.seedPolicies(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla_policies`);
    await q.query(`DROP TABLE calendars`);
  }

  /**
   * The product brief's examples, enabled: failures and wrong deliveries
   * (urgent and high priority) answered within 2 business hours, complaints
   * acknowledged within 1 business day and resolved within 14 days, offer
   * questions answered within 24 hours, and a catch-all for the rest. A policy
   * whose category an installation lacks is left out.
   */
  private async seedPolicies(q: QueryRunner): Promise<void> {
    const category = async (slug: string): Promise<string | null> => {
      const rows = (await q.query(`SELECT id FROM categories WHERE slug = $1`, [slug])) as { id: string }[];
      return rows[0]?.id ?? null;
    };
    const complaint = await category('complaint-return');
    const preSale = await category('pre-sale');
    const business = (minutes: number) => ({ minutes, mode: 'business' });
    const calendar = (minutes: number) => ({ minutes, mode: 'calendar' });
    const policies: {
      name: string; description: string; conditions: object | null; first: object; next: object | null; resolution: object | null; pause: string[];
    }[] = [
      {
        name: 'Reklamacje',
        description: 'Complaints and returns: acknowledged within 1 business day, resolved within 14 days. The statutory 14-day decision deadline is separate.',
        conditions: complaint ? { categoryIds: [complaint] } : null,
        first: business(480),
        next: business(480),
        resolution: calendar(14 * 24 * 60),
        pause: ['waiting_customer', 'waiting_third_party'],
      },
      {
        name: 'Awarie i błędne dostawy',
        description: 'Failures and wrong deliveries (urgent and high priority): an answer within 2 business hours.',
        conditions: { priorities: ['urgent', 'high'] },
        first: business(120),
        next: business(120),
        resolution: null,
        pause: ['waiting_customer'],
      },
      {
        name: 'Pytania ofertowe',
        description: 'Questions before a purchase: an answer within 24 hours, weekends included.',
        conditions: preSale ? { categoryIds: [preSale] } : null,
        first: calendar(24 * 60),
        next: calendar(24 * 60),
        resolution: null,
        pause: ['waiting_customer'],
      },
      {
        name: 'Domyślna',
        description: 'Every other ticket: an answer within one business day (8 business hours), resolved within 5 business days.',
        conditions: {},
        first: business(480),
        next: business(480),
        resolution: business(5 * 480),
        pause: ['waiting_customer'],
      },
    ];
    let position = 0;
    for (const p of policies) {
      if (p.conditions === null) continue;
      position += 10;
      await q.query(
        `INSERT INTO sla_policies (name, description, position, enabled, conditions, first_response, next_response, resolution, pause_statuses, warning)
         VALUES ($1, $2, $3, true, $4, $5, $6, $7, $8, $9)`,
        [
          p.name, p.description, position, JSON.stringify(p.conditions), JSON.stringify(p.first), p.next && JSON.stringify(p.next),
          p.resolution && JSON.stringify(p.resolution), p.pause, JSON.stringify({ percent: 80 }),
        ],
      );
    }
  }
}
