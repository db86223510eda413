import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Phone calls and live chats. `calls`: every call a PBX reported (or an agent
 * logged by hand) with its caller match, states and times. `chat_sessions`:
 * a visitor's conversation through the widget (its ticket, token hash, who
 * accepted it); `chat_events`: what was said and done in it, numbered, so a
 * visitor's stream replays what it missed (`Last-Event-ID`).
 * `chat_availability`: agents available for chat.
 */
export class CallsAndChats1767400000000 implements MigrationInterface {
  name = 'CallsAndChats1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel_id uuid REFERENCES channels (id) ON DELETE SET NULL,
        external_call_id text,
        direction text NOT NULL CHECK (direction IN ('in', 'out')),
        from_number text NOT NULL DEFAULT '',
        to_number text NOT NULL DEFAULT '',
        phone text,
        customer_id uuid REFERENCES customers (id) ON DELETE SET NULL,
        match text NOT NULL DEFAULT 'unknown' CHECK (match IN ('known', 'possible', 'unknown')),
        possible_customer_ids uuid[] NOT NULL DEFAULT '{}',
        state text NOT NULL CHECK (state IN ('ringing', 'answered', 'missed', 'ended')),
        agent_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        answering_number text,
        users text[] NOT NULL DEFAULT '{}',
        queue_name text,
        cause text,
        started_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        ended_at timestamptz,
        duration_seconds integer,
        ticket_id uuid REFERENCES tickets (id) ON DELETE SET NULL,
        manual boolean NOT NULL DEFAULT false,
        note text,
        recording_url text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT calls_external_id UNIQUE (channel_id, external_call_id)
      )`);
    await q.query(`CREATE INDEX calls_started_idx ON calls (started_at DESC, id)`);
    await q.query(`CREATE INDEX calls_state_idx ON calls (state, started_at DESC)`);
    await q.query(`
      CREATE TABLE chat_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel_id uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
        token_hash text NOT NULL,
        visitor_id text NOT NULL,
        name text,
        email text,
        verified boolean NOT NULL DEFAULT false,
        customer_id uuid REFERENCES customers (id) ON DELETE SET NULL,
        ticket_id uuid REFERENCES tickets (id) ON DELETE SET NULL,
        state text NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'active', 'ended')),
        agent_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        accepted_at timestamptz,
        ended_at timestamptz
      )`);
    await q.query(`CREATE INDEX chat_sessions_state_idx ON chat_sessions (state, created_at)`);
    await q.query(`CREATE INDEX chat_sessions_ticket_idx ON chat_sessions (ticket_id)`);
    await q.query(`
      CREATE TABLE chat_events (
        id bigserial PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES chat_sessions (id) ON DELETE CASCADE,
        type text NOT NULL,
        author text NOT NULL CHECK (author IN ('visitor', 'agent', 'system')),
        author_name text,
        text text,
        message_id uuid,
        attachment jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX chat_events_session_idx ON chat_events (session_id, id)`);
    await q.query(`
      CREATE TABLE chat_availability (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        available boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE chat_availability`);
    await q.query(`DROP TABLE chat_events`);
    await q.query(`DROP TABLE chat_sessions`);
    await q.query(`DROP TABLE calls`);
  }
}
