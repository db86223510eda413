import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mail that opens a ticket writes the ticket row once. Until now the ticket
 * was inserted with its number and subject as its search document, and the
 * first message's trigger then updated the same row to append the message's
 * words — a second version of the row and a second entry in every index of
 * `tickets`. Now an insert may bring the words of its opening message in
 * `search_vector` (the trigger puts the number and subject before them), and a
 * message inserted with `search_counted` set does not append its words again.
 * Every other path is unchanged: messages default to `search_counted = false`.
 */
export class TicketSearchInOneWrite1766800000002 implements MigrationInterface {
  name = 'TicketSearchInOneWrite1766800000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages ADD COLUMN search_counted boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_tickets_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          -- A new ticket has no messages yet: its own words, then those the insert brings.
          NEW.search_vector := strip(to_tsvector('simple', okienko_unaccent(NEW.number || ' ' || NEW.subject)))
            || coalesce(NEW.search_vector, '');
          RETURN NEW;
        END IF;
        NEW.search_vector := strip(to_tsvector('simple', okienko_unaccent(NEW.number || ' ' || NEW.subject)))
          || coalesce((SELECT tsvector_agg FROM (
               SELECT strip(to_tsvector('simple', okienko_unaccent(string_agg(coalesce(m.subject, '') || ' ' || left(m.body_text, 100000), ' '))))
                 AS tsvector_agg
               FROM messages m WHERE m.ticket_id = NEW.id) agg), '');
        RETURN NEW;
      END $$`);
    await q.query(`DROP TRIGGER messages_search_append ON messages`);
    await q.query(`
      CREATE TRIGGER messages_search_append AFTER INSERT ON messages
        FOR EACH ROW WHEN (NOT NEW.search_counted) EXECUTE FUNCTION okienko_messages_search_append()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER messages_search_append ON messages`);
    await q.query(`
      CREATE TRIGGER messages_search_append AFTER INSERT ON messages
        FOR EACH ROW EXECUTE FUNCTION okienko_messages_search_append()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_tickets_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := strip(to_tsvector('simple', okienko_unaccent(NEW.number || ' ' || NEW.subject)))
          || coalesce((SELECT tsvector_agg FROM (
               SELECT strip(to_tsvector('simple', okienko_unaccent(string_agg(coalesce(m.subject, '') || ' ' || left(m.body_text, 100000), ' '))))
                 AS tsvector_agg
               FROM messages m WHERE m.ticket_id = NEW.id) agg), '');
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE messages DROP COLUMN search_counted`);
  }
}
