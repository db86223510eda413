import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The starter queues and categories: a starting point the admin can rename, change or delete. Slugs stay stable. */
const STARTER_QUEUES: [name: string, slug: string][] = [
  ['Sprzedaż', 'sales'],
  ['Obsługa posprzedażowa', 'after-sales'],
  ['Reklamacje', 'complaints'],
  ['Księgowość', 'accounting'],
  ['IT', 'it'],
];
const STARTER_CATEGORIES: [name: string, slug: string][] = [
  ['Pytanie przed zakupem', 'pre-sale'],
  ['Status zamówienia', 'order-status'],
  ['Reklamacja lub zwrot', 'complaint-return'],
  ['Faktura i płatność', 'invoice-payment'],
  ['Wsparcie techniczne', 'technical-support'],
  ['Zmiana danych', 'data-change'],
];

/**
 * Queues become teams: a description, a lead, how new tickets are assigned
 * (manual, round-robin, least open tickets), an optional cap of open tickets per
 * agent and the round-robin cursor (who got the previous ticket). Queue and
 * category names become unique (ignoring letter case), and the starter set is
 * seeded; existing queues and categories with the same slug or name are kept as
 * they are.
 */
export class QueuesAndAssignment1766600000000 implements MigrationInterface {
  name = 'QueuesAndAssignment1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE queues ADD COLUMN description text`);
    await q.query(`
      ALTER TABLE queues ADD COLUMN assignment_strategy text NOT NULL DEFAULT 'manual'
        CHECK (assignment_strategy IN ('manual', 'round_robin', 'least_open'))`);
    await q.query(`ALTER TABLE queues ADD COLUMN lead_id uuid REFERENCES users (id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE queues ADD COLUMN max_open_per_agent integer CHECK (max_open_per_agent > 0)`);
    // Round-robin continues after this user (in name order); when they are deleted it starts again from the first.
    await q.query(`ALTER TABLE queues ADD COLUMN round_robin_last_user_id uuid REFERENCES users (id) ON DELETE SET NULL`);
    await q.query(`CREATE UNIQUE INDEX queues_name_key ON queues (lower(name))`);
    // "Which queues is this agent in?" on every queue list an agent asks for.
    await q.query(`CREATE INDEX queue_members_user_idx ON queue_members (user_id)`);

    await q.query(`ALTER TABLE categories ADD COLUMN description text`);
    await q.query(`CREATE UNIQUE INDEX categories_name_key ON categories (lower(name))`);

    for (const [name, slug] of STARTER_QUEUES) {
      await q.query(`INSERT INTO queues (name, slug) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [name, slug]);
    }
    for (const [name, slug] of STARTER_CATEGORIES) {
      await q.query(`INSERT INTO categories (name, slug) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [name, slug]);
    }
  }

  /** Schema only: the seeded queues and categories stay (tickets may be filed under them by now). */
  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS categories_name_key`);
    await q.query(`ALTER TABLE categories DROP COLUMN IF EXISTS description`);
    await q.query(`DROP INDEX IF EXISTS queue_members_user_idx`);
    await q.query(`DROP INDEX IF EXISTS queues_name_key`);
    for (const column of ['round_robin_last_user_id', 'max_open_per_agent', 'lead_id', 'assignment_strategy', 'description']) {
      await q.query(`ALTER TABLE queues DROP COLUMN IF EXISTS ${column}`);
    }
  }
}
