import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keeping tickets' search words up to date costs new mail less.
 *
 * - A new sender's ticket is written with its customer's words at once. The
 *   intake's one-statement path creates the customer, their e-mail identity and
 *   the ticket in one statement, where the ticket's insert trigger cannot see
 *   the customer yet; until now the identity's statement trigger then rebuilt
 *   every such ticket (its messages tokenised again, the row and its indexes
 *   written twice). The statement now gives the ticket the sender's name and
 *   address words (`okienko_sender_search_words`), and an identity added to a
 *   customer rebuilds only those of their tickets that lack its words.
 *   The statement says so with a transaction-local setting
 *   (`okienko.search_words_given`), which the ticket's insert trigger and the
 *   identities' trigger read: neither looks the customer up again.
 * - A customer's tickets are rebuilt when their name or address changes, by a
 *   row trigger that does not fire at all for other changes (it was a statement
 *   trigger run for every update of a customer, such as storing their language).
 * - The word functions run as PL/pgSQL, whose plans are kept for the session:
 *   as SQL functions called from triggers they were planned again on every call
 *   (they call `unaccent`, which is only stable, so they could not be inlined).
 */
export class NewSenderSearchWords1767730000000 implements MigrationInterface {
  name = 'NewSenderSearchWords1767730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_unaccent(text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT AS $$
      BEGIN
        RETURN public.unaccent('public.unaccent'::regdictionary, $1);
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_message_search_text(subject text, body text) RETURNS tsvector
        LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      BEGIN
        RETURN strip(to_tsvector('simple', okienko_unaccent(coalesce(subject, '') || ' ' || left(coalesce(body, ''), 100000))));
      END $$`);
    // The words one identity gives its customer's tickets.
    await q.query(`
      CREATE FUNCTION okienko_identity_search_text(kind text, value text) RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      BEGIN
        RETURN CASE
          WHEN kind = 'email' THEN lower(value) || ' ' || regexp_replace(lower(value), '[@._+-]+', ' ', 'g')
          WHEN kind = 'phone' THEN (
            SELECT string_agg(substr(d.digits, 1 + cut), ' ')
            FROM (SELECT regexp_replace(value, '\\D', '', 'g') AS digits) d, generate_series(0, 3) cut
            WHERE length(d.digits) - cut >= 6)
          WHEN kind = 'chat' THEN NULL
          ELSE value END;
      END $$`);
    await q.query(`
      CREATE FUNCTION okienko_identity_search_words(kind text, value text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      BEGIN
        RETURN strip(to_tsvector('simple', okienko_unaccent(okienko_identity_search_text(kind, value))));
      END $$`);
    // A new customer's name and address words, for the statement that creates them with their first ticket.
    await q.query(`
      CREATE FUNCTION okienko_sender_search_words(name text, email text) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
      BEGIN
        RETURN strip(to_tsvector('simple', okienko_unaccent(concat_ws(' ', name, lower(email), regexp_replace(lower(email), '[@._+-]+', ' ', 'g')))));
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_customer_search_words(customer uuid) RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN (
          SELECT strip(to_tsvector('simple', okienko_unaccent(concat_ws(' ',
                   c.name, lower(c.email), regexp_replace(lower(c.email), '[@._+-]+', ' ', 'g'),
                   (SELECT string_agg(okienko_identity_search_text(i.kind, i.value), ' ') FROM customer_identities i WHERE i.customer_id = c.id)))))
          FROM customers c WHERE c.id = customer);
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_ticket_search_document(ticket uuid, number text, subject text, customer uuid)
        RETURNS tsvector LANGUAGE plpgsql STABLE AS $$
      BEGIN
        RETURN strip(to_tsvector('simple', okienko_unaccent(number || ' ' || subject)))
          || coalesce((SELECT strip(to_tsvector('simple', okienko_unaccent(string_agg(coalesce(m.subject, '') || ' ' || left(m.body_text, 100000), ' '))))
                       FROM messages m WHERE m.ticket_id = ticket AND NOT (m.direction = 'outbound' AND m.automated)), '')
          || coalesce(okienko_customer_search_words(customer), '');
      END $$`);

    // A ticket's own words on insert; its customer's too, unless the inserting statement gave them.
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_tickets_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.search_vector := strip(to_tsvector('simple', okienko_unaccent(NEW.number || ' ' || NEW.subject))) || coalesce(NEW.search_vector, '');
          IF current_setting('okienko.search_words_given', true) IS DISTINCT FROM 'on' THEN
            NEW.search_vector := NEW.search_vector || coalesce(okienko_customer_search_words(NEW.customer_id), '');
          END IF;
          RETURN NEW;
        END IF;
        NEW.search_vector := okienko_ticket_search_document(NEW.id, NEW.number, NEW.subject, NEW.customer_id);
        RETURN NEW;
      END $$`);
    // A renamed or readdressed customer: their tickets, one row at a time, only when one of the two changed.
    await q.query(`DROP TRIGGER customers_search_rebuild ON customers`);
    await q.query(`
      CREATE FUNCTION okienko_customer_search_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
        WHERE t.customer_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER customers_search_rebuild AFTER UPDATE OF name, email ON customers
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email)
        EXECUTE FUNCTION okienko_customer_search_rebuild()`);
    // Identities added, removed or changed (statement triggers over the changed rows).
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_customers_search_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' AND current_setting('okienko.search_words_given', true) = 'on' THEN
          RETURN NULL; -- the statement that added them wrote their words into its tickets itself
        ELSIF TG_OP = 'INSERT' THEN
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT customer_id FROM changed_new)
            AND EXISTS (SELECT 1 FROM changed_new n
                         WHERE n.customer_id = t.customer_id
                           AND NOT (tsvector_to_array(okienko_identity_search_words(n.kind, n.value)) <@ tsvector_to_array(t.search_vector)));
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT customer_id FROM changed_old);
        ELSE
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT customer_id FROM changed_new UNION SELECT customer_id FROM changed_old);
        END IF;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_tickets_search_own() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          NEW.search_vector := strip(to_tsvector('simple', okienko_unaccent(NEW.number || ' ' || NEW.subject)))
            || coalesce(NEW.search_vector, '') || coalesce(okienko_customer_search_words(NEW.customer_id), '');
          RETURN NEW;
        END IF;
        NEW.search_vector := okienko_ticket_search_document(NEW.id, NEW.number, NEW.subject, NEW.customer_id);
        RETURN NEW;
      END $$`);
    await q.query(`DROP TRIGGER customers_search_rebuild ON customers`);
    await q.query(`DROP FUNCTION okienko_customer_search_rebuild()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_customers_search_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
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
    // The functions as SQL again (what they were before).
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_customer_search_words(customer uuid) RETURNS tsvector LANGUAGE sql STABLE AS $$
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
      CREATE OR REPLACE FUNCTION okienko_ticket_search_document(ticket uuid, number text, subject text, customer uuid)
        RETURNS tsvector LANGUAGE sql STABLE AS $$
        SELECT strip(to_tsvector('simple', okienko_unaccent(number || ' ' || subject)))
          || coalesce((SELECT strip(to_tsvector('simple', okienko_unaccent(string_agg(coalesce(m.subject, '') || ' ' || left(m.body_text, 100000), ' '))))
                       FROM messages m WHERE m.ticket_id = ticket AND NOT (m.direction = 'outbound' AND m.automated)), '')
          || coalesce(okienko_customer_search_words(customer), '')
      $$`);
    await q.query(`DROP FUNCTION okienko_sender_search_words(text, text)`);
    await q.query(`DROP FUNCTION okienko_identity_search_words(text, text)`);
    await q.query(`DROP FUNCTION okienko_identity_search_text(text, text)`);
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_message_search_text(subject text, body text) RETURNS tsvector
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT strip(to_tsvector('simple', okienko_unaccent(coalesce(subject, '') || ' ' || left(coalesce(body, ''), 100000)))) $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION okienko_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
  }
}
