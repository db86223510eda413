import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved views of the ticket list: an agent's filters and sort under a name,
 * private to them or (made by an admin) shared with everyone. Names are unique
 * per owner in any letter case; each owner orders their views by position.
 */
export class SavedViews1766800000001 implements MigrationInterface {
  name = 'SavedViews1766800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        filters jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(filters) = 'object'),
        shared boolean NOT NULL DEFAULT false,
        position integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX saved_views_owner_name_key ON saved_views (owner_user_id, lower(name))`);
    await q.query(`CREATE INDEX saved_views_owner_idx ON saved_views (owner_user_id, position)`);
    await q.query(`CREATE INDEX saved_views_shared_idx ON saved_views (position) WHERE shared`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS saved_views`);
  }
}
