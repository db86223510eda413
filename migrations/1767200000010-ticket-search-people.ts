import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ticket search finds people, not the shop's own boilerplate.
 *
 * A ticket's search document is now its number and subject, the words of its
 * messages except automated outbound ones (acknowledgements, automatic answers,
 * surveys, forwards — every acknowledgement is signed with the shop's name, so
 * searching for it found every ticket), and its customer: the name, each
 * e-mail address whole and in parts (`jan.kowalski@example.pl`, `jan`,
 * `kowalski`, `example`, `pl`), each phone number's digits with and without
 * a country code of one to three digits (`48600100200`, `600100200`, …) and
 * other identities' values. All of it unaccented, like every search here.
 *
 * Kept up to date by triggers: a ticket inserted gets its customer's words; a
 * ticket moved to another customer, or renumbered or retitled, is rebuilt; a
 * customer renamed, or gaining or losing an identity, rebuilds their tickets.
 * Every ticket's document is rebuilt once here.
 */
export class TicketSearchPeople1767200000010 implements MigrationInterface {
  name = 'TicketSearchPeople1767200000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION okienko_customer_search_words(customer uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT strip(to_tsvector('simple', okienko_unaccent(concat_ws(' ',
                 c.name,
                 lower(c.email), regexp_replace(lower(c.email), '[@._+-]+', ' ', 'g'),
                 (SELECT string_agg(CASE
                            WHEN i.kind = 'email' THEN lower(i.value) || ' ' || regexp_replace(lower(i.value), '[@._+-]+', ' ', 'g')
                            WHEN i.kind = 'phone' THEN (
                              SELECT string_agg(substr(d.digits, 1 + cut), ' ')
                              FROM (SELECT regexp_replace(i.value, '\\D', '', 'g') AS digits) d, generate_series(0, 3) cut
                              WHERE length(d.digits) - cut >= 6)
                            WHEN i.kind = 'chat' THEN NULL
                            ELSE i.value END, ' ')
                  FROM customer_identities i WHERE i.customer_id = c.id)))))
        FROM customers c WHERE c.id = customer
      $$`);
    await q.query(`
      CREATE FUNCTION okienko_ticket_search_document(ticket uuid, number text, subject text, customer uuid)
        RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT strip(to_tsvector('simple', okienko_unaccent(number || ' ' || subject)))
          || coalesce((SELECT strip(to_tsvector('simple', okienko_unaccent(string_agg(coalesce(m.subject, '') || ' ' || left(m.body_text, 100000), ' '))))
                       FROM messages m WHERE m.ticket_id = ticket AND NOT (m.direction = 'outbound' AND m.automated)), '')
          || coalesce(okienko_customer_search_words(customer), '')
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_tickets_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          -- A new ticket has no messages yet: its own words, those the insert brings, its customer's.
          NEW.search_vector := strip(to_tsvector('simple', okienko_unaccent(NEW.number || ' ' || NEW.subject)))
            || coalesce(NEW.search_vector, '') || coalesce(okienko_customer_search_words(NEW.customer_id), '');
          RETURN NEW;
        END IF;
        NEW.search_vector := okienko_ticket_search_document(NEW.id, NEW.number, NEW.subject, NEW.customer_id);
        RETURN NEW;
      END $$`);
    await q.query(`DROP TRIGGER tickets_search_own ON tickets`);
    await q.query(`
      CREATE TRIGGER tickets_search_own BEFORE INSERT OR UPDATE OF number, subject, customer_id ON tickets
        FOR EACH ROW EXECUTE FUNCTION okienko_tickets_search_own()`);
    await q.query(`DROP TRIGGER messages_search_append ON messages`);
    await q.query(`
      CREATE TRIGGER messages_search_append AFTER INSERT ON messages
        FOR EACH ROW WHEN (NOT NEW.search_counted AND NOT (NEW.direction = 'outbound' AND NEW.automated))
        EXECUTE FUNCTION okienko_messages_search_append()`);

    // A customer's words changed: their tickets' documents are rebuilt (once per statement and customer).
    await q.query(`
      CREATE FUNCTION okienko_customers_search_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'customers' THEN
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT n.id FROM changed_new n JOIN changed_old o ON o.id = n.id
                                  WHERE n.name IS DISTINCT FROM o.name OR n.email IS DISTINCT FROM o.email);
        ELSIF TG_OP = 'INSERT' THEN
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT customer_id FROM changed_new);
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT customer_id FROM changed_old);
        ELSE
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT customer_id FROM changed_new UNION SELECT customer_id FROM changed_old);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER customers_search_rebuild AFTER UPDATE ON customers
        REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
        FOR EACH STATEMENT EXECUTE FUNCTION okienko_customers_search_rebuild()`);
    await q.query(`
      CREATE TRIGGER customer_identities_search_insert AFTER INSERT ON customer_identities
        REFERENCING NEW TABLE AS changed_new FOR EACH STATEMENT EXECUTE FUNCTION okienko_customers_search_rebuild()`);
    await q.query(`
      CREATE TRIGGER customer_identities_search_delete AFTER DELETE ON customer_identities
        REFERENCING OLD TABLE AS changed_old FOR EACH STATEMENT EXECUTE FUNCTION okienko_customers_search_rebuild()`);
    await q.query(`
      CREATE TRIGGER customer_identities_search_update AFTER UPDATE ON customer_identities
        REFERENCING OLD TABLE AS changed_old NEW TABLE AS changed_new
        FOR EACH STATEMENT EXECUTE FUNCTION okienko_customers_search_rebuild()`);

    await this.rebuildDocuments(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['customers_search_rebuild', 'customers'],
      ['customer_identities_search_insert', 'customer_identities'],
      ['customer_identities_search_delete', 'customer_identities'],
      ['customer_identities_search_update', 'customer_identities'],
    ]) {
      await q.query(`DROP TRIGGER IF EXISTS ${trigger} ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS okienko_customers_search_rebuild()`);
    await q.query(`DROP TRIGGER messages_search_append ON messages`);
    await q.query(`
      CREATE TRIGGER messages_search_append AFTER INSERT ON messages
        FOR EACH ROW WHEN (NOT NEW.search_counted) EXECUTE FUNCTION okienko_messages_search_append()`);
    await q.query(`DROP TRIGGER tickets_search_own ON tickets`);
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_tickets_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
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
    await q.query(`
      CREATE TRIGGER tickets_search_own BEFORE INSERT OR UPDATE OF number, subject ON tickets
        FOR EACH ROW EXECUTE FUNCTION okienko_tickets_search_own()`);
    await q.query(`DROP FUNCTION IF EXISTS okienko_ticket_search_document(uuid, text, text, uuid)`);
    await q.query(`DROP FUNCTION IF EXISTS okienko_customer_search_words(uuid)`);
    await q.query(`UPDATE tickets SET subject = subject`);
  }

  /**
   * One statement over all tickets, with the search index dropped meanwhile
   * (maintaining a GIN index row by row costs far more than building it once).
   */
  private async rebuildDocuments(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX tickets_search_idx`);
    await q.query(`UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)`);
    await q.query(`CREATE INDEX tickets_search_idx ON tickets USING gin (search_vector)`);
  }
}
