import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web forms: every submission of a form channel is kept (`filed` as a ticket,
 * or `spam` with the reasons, until someone files it as not spam), with the
 * values of its fields (the structured data of the ticket's message) and, while
 * it is spam, its files. Customers follow their tickets through status links:
 * only the SHA-256 of the link's token is stored; a link can be revoked.
 */
export class WebForms1767300000000 implements MigrationInterface {
  name = 'WebForms1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE form_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel_id uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        state text NOT NULL CHECK (state IN ('filed', 'spam')),
        spam_reasons text[] NOT NULL DEFAULT '{}',
        language text NOT NULL CHECK (language IN ('pl', 'en')),
        field_values jsonb NOT NULL DEFAULT '{}',
        email text,
        phone text,
        client_ip text,
        origin text,
        ticket_id uuid REFERENCES tickets (id) ON DELETE SET NULL,
        message_id uuid REFERENCES messages (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        filed_at timestamptz
      )`);
    await q.query(`CREATE INDEX form_submissions_state_idx ON form_submissions (state, created_at DESC, id)`);
    await q.query(`CREATE INDEX form_submissions_ticket_idx ON form_submissions (ticket_id) WHERE ticket_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE form_submission_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        submission_id uuid NOT NULL REFERENCES form_submissions (id) ON DELETE CASCADE,
        filename text NOT NULL,
        content_type text NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        position int NOT NULL
      )`);
    await q.query(`CREATE INDEX form_submission_files_submission_idx ON form_submission_files (submission_id, position)`);
    await q.query(`
      CREATE TABLE ticket_status_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        token_sha256 bytea NOT NULL UNIQUE,
        language text NOT NULL DEFAULT 'pl' CHECK (language IN ('pl', 'en')),
        channel_id uuid REFERENCES channels (id) ON DELETE SET NULL,
        thread_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX ticket_status_links_ticket_idx ON ticket_status_links (ticket_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS ticket_status_links`);
    await q.query(`DROP TABLE IF EXISTS form_submission_files`);
    await q.query(`DROP TABLE IF EXISTS form_submissions`);
  }
}
