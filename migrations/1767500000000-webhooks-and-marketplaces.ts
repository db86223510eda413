import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed webhooks for integrators: the endpoints (`webhooks`, their signing
 * secrets encrypted, the previous one still signing for a day after a
 * rotation), each event's delivery to an endpoint (`webhook_event_deliveries`,
 * one `webhook-id` however often it is tried) and every attempt
 * (`webhook_attempts`). The API channel's signing secrets (`api_channel_secrets`),
 * and the Allegro accounts behind `allegro` channels with the threads read.
 */
export class WebhooksAndMarketplaces1767500000000 implements MigrationInterface {
  name = 'WebhooksAndMarketplaces1767500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        events text[] NOT NULL,
        description text,
        active boolean NOT NULL DEFAULT true,
        include_notes boolean NOT NULL DEFAULT false,
        secret_enc text NOT NULL,
        previous_secret_enc text,
        previous_secret_until timestamptz,
        failing_since timestamptz,
        disabled_at timestamptz,
        disabled_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_event_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        message_id text NOT NULL,
        event text NOT NULL,
        payload jsonb NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await q.query(`CREATE INDEX webhook_event_deliveries_webhook_idx ON webhook_event_deliveries (webhook_id, created_at DESC)`);
    await q.query(`CREATE INDEX webhook_event_deliveries_due_idx ON webhook_event_deliveries (next_attempt_at) WHERE state = 'pending'`);
    await q.query(`
      CREATE TABLE webhook_attempts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        delivery_id uuid NOT NULL REFERENCES webhook_event_deliveries (id) ON DELETE CASCADE,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status integer,
        response_excerpt text,
        error text,
        duration_ms integer NOT NULL
      )`);
    await q.query(`CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempted_at)`);
    await q.query(`
      CREATE TABLE api_channel_secrets (
        channel_id uuid PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
        secret_enc text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE allegro_accounts (
        channel_id uuid PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'authorizing', 'connected', 'error')),
        device_code_enc text,
        user_code text,
        verification_uri text,
        verification_uri_complete text,
        device_expires_at timestamptz,
        auth_interval_seconds integer NOT NULL DEFAULT 5,
        access_token_enc text,
        refresh_token_enc text,
        token_expires_at timestamptz,
        next_run_at timestamptz NOT NULL DEFAULT now(),
        last_read_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE allegro_threads (
        channel_id uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        thread_id text NOT NULL,
        last_message_at timestamptz,
        PRIMARY KEY (channel_id, thread_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['allegro_threads', 'allegro_accounts', 'api_channel_secrets', 'webhook_attempts', 'webhook_event_deliveries', 'webhooks']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
