import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema: people (users, customers, API tokens), the work (queues,
 * categories, tickets, messages, attachments) and the audit trail.
 *
 * Text search: `okienko_unaccent` is an IMMUTABLE wrapper around unaccent so it
 * can be used in indexes; both sides of a search go through it, so `zamowienie`
 * finds `zamówienie`. Each ticket carries one search document (tickets.search_vector)
 * kept up to date by triggers.
 */
export class InitialSchema1766400000000 implements MigrationInterface {
  name = 'InitialSchema1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE FUNCTION okienko_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);

    await q.query(`
      CREATE TABLE settings (
        key text PRIMARY KEY,
        value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'agent')),
        active boolean NOT NULL DEFAULT true,
        absent boolean NOT NULL DEFAULT false,
        locale text NOT NULL DEFAULT 'pl',
        last_login_at timestamptz,
        tokens_valid_after timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        token_prefix text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'agent')),
        created_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE queues (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        is_default boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX queues_single_default ON queues (is_default) WHERE is_default`);
    await q.query(`
      CREATE TABLE queue_members (
        queue_id uuid NOT NULL REFERENCES queues (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        PRIMARY KEY (queue_id, user_id)
      )`);

    await q.query(`
      CREATE TABLE categories (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        slug text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text,
        email text,
        emails text[] NOT NULL DEFAULT '{}',
        phones text[] NOT NULL DEFAULT '{}',
        external_ids jsonb NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX customers_email_key ON customers (lower(email))`);
    await q.query(`CREATE INDEX customers_emails_idx ON customers USING gin (emails)`);
    await q.query(`
      CREATE INDEX customers_search_idx ON customers USING gin (
        lower(okienko_unaccent(coalesce(name, '') || ' ' || coalesce(email, ''))) gin_trgm_ops)`);

    // Ticket numbers count per year from PostgreSQL sequences named ticket_number_<year>, created on first use.

    await q.query(`
      CREATE TABLE tickets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        number text NOT NULL UNIQUE,
        subject text NOT NULL,
        status text NOT NULL DEFAULT 'new'
          CHECK (status IN ('new', 'open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed')),
        priority text NOT NULL DEFAULT 'normal' CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        channel text NOT NULL CHECK (channel IN ('email', 'web_form', 'phone', 'chat', 'api', 'marketplace', 'social')),
        queue_id uuid REFERENCES queues (id) ON DELETE SET NULL,
        category_id uuid REFERENCES categories (id) ON DELETE SET NULL,
        assignee_id uuid REFERENCES users (id) ON DELETE SET NULL,
        customer_id uuid NOT NULL REFERENCES customers (id),
        tags text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        first_response_at timestamptz,
        resolved_at timestamptz,
        closed_at timestamptz,
        last_inbound_at timestamptz,
        last_outbound_at timestamptz,
        search_vector tsvector NOT NULL DEFAULT ''
      )`);
    // The list screens filter by one of these and page newest first.
    await q.query(`CREATE INDEX tickets_created_idx ON tickets (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX tickets_status_created_idx ON tickets (status, created_at DESC)`);
    await q.query(`CREATE INDEX tickets_queue_status_idx ON tickets (queue_id, status, created_at DESC)`);
    await q.query(`CREATE INDEX tickets_assignee_status_idx ON tickets (assignee_id, status, created_at DESC)`);
    await q.query(`CREATE INDEX tickets_category_idx ON tickets (category_id, created_at DESC)`);
    await q.query(`CREATE INDEX tickets_customer_idx ON tickets (customer_id, created_at DESC)`);
    await q.query(`CREATE INDEX tickets_priority_idx ON tickets (priority, created_at DESC)`);
    await q.query(`CREATE INDEX tickets_channel_idx ON tickets (channel, created_at DESC)`);
    await q.query(`CREATE INDEX tickets_tags_idx ON tickets USING gin (tags)`);
    await q.query(`CREATE INDEX tickets_search_idx ON tickets USING gin (search_vector)`);

    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        direction text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'note')),
        author_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        author_customer_id uuid REFERENCES customers (id) ON DELETE SET NULL,
        author_api_token_id uuid REFERENCES api_tokens (id) ON DELETE SET NULL,
        from_address text,
        to_addresses text[] NOT NULL DEFAULT '{}',
        cc_addresses text[] NOT NULL DEFAULT '{}',
        subject text,
        body_text text NOT NULL DEFAULT '',
        body_html text,
        message_id text,
        in_reply_to text,
        "references" text[] NOT NULL DEFAULT '{}',
        delivery_state text NOT NULL DEFAULT 'none'
          CHECK (delivery_state IN ('received', 'queued', 'sending', 'sent', 'failed', 'bounced', 'none')),
        delivery_error text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX messages_ticket_idx ON messages (ticket_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX messages_message_id_key ON messages (message_id) WHERE message_id IS NOT NULL`);

    // One search document per ticket: number, subject and the text of every message, so a search is one index
    // lookup on tickets. Positions are stripped (no phrase search needed) to keep the documents small.
    await q.query(`
      CREATE FUNCTION okienko_message_search_text(subject text, body text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT strip(to_tsvector('simple', okienko_unaccent(coalesce(subject, '') || ' ' || left(coalesce(body, ''), 100000)))) $$`);
    await q.query(`
      CREATE FUNCTION okienko_tickets_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := strip(to_tsvector('simple', okienko_unaccent(NEW.number || ' ' || NEW.subject)))
          || coalesce((SELECT tsvector_agg FROM (
               SELECT strip(to_tsvector('simple', okienko_unaccent(string_agg(coalesce(m.subject, '') || ' ' || left(m.body_text, 100000), ' '))))
                 AS tsvector_agg
               FROM messages m WHERE m.ticket_id = NEW.id) agg), '');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER tickets_search_own BEFORE INSERT OR UPDATE OF number, subject ON tickets
        FOR EACH ROW EXECUTE FUNCTION okienko_tickets_search_own()`);
    // A message adds its words to its ticket's document (up to a size well below tsvector's 1 MB limit).
    await q.query(`
      CREATE FUNCTION okienko_messages_search_append() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE words tsvector := okienko_message_search_text(NEW.subject, NEW.body_text);
      BEGIN
        UPDATE tickets SET search_vector = search_vector || words
          WHERE id = NEW.ticket_id AND pg_column_size(search_vector) + pg_column_size(words) < 900000;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER messages_search_append AFTER INSERT ON messages
        FOR EACH ROW EXECUTE FUNCTION okienko_messages_search_append()`);

    await q.query(`
      CREATE TABLE attachment_blobs (
        sha256 text PRIMARY KEY,
        size bigint NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE attachments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        blob_sha256 text NOT NULL REFERENCES attachment_blobs (sha256),
        filename text NOT NULL,
        content_type text NOT NULL,
        size bigint NOT NULL,
        content_id text,
        inline boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX attachments_message_idx ON attachments (message_id)`);
    await q.query(`CREATE INDEX attachments_blob_idx ON attachments (blob_sha256)`);

    await q.query(`
      CREATE TABLE ticket_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        type text NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_token', 'rule', 'system', 'customer')),
        actor_id text,
        actor_name text,
        field text,
        old_value jsonb,
        new_value jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ticket_events_ticket_idx ON ticket_events (ticket_id, id)`);
    await q.query(`CREATE INDEX ticket_events_type_created_idx ON ticket_events (type, created_at)`);

    // A starting point the admin can rename; every ticket without a queue lands here.
    await q.query(`INSERT INTO queues (name, slug, is_default) VALUES ('Ogólna', 'general', true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'ticket_events', 'attachments', 'attachment_blobs', 'messages', 'tickets',
      'customers', 'categories', 'queue_members', 'queues', 'api_tokens', 'users', 'settings',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    for (const fn of ['okienko_messages_search_append()', 'okienko_tickets_search_own()', 'okienko_message_search_text(text, text)', 'okienko_unaccent(text)']) {
      await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    }
  }
}
