import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A new sender's ticket is written with its customer's words at once.
 *
 * The intake's one-statement path creates the customer, their e-mail identity
 * and the ticket in one statement, where the ticket's insert trigger cannot
 * see the customer yet. Until now the identity's statement trigger then
 * rebuilt every such ticket's search document (its messages tokenised again
 * and the row rewritten with all its indexes) once per new sender. Now the
 * statement gives the ticket the sender's name and address words itself
 * (`okienko_sender_search_words`), and an identity added to a customer
 * rebuilds only those of their tickets that lack its words.
 */
export class NewSenderSearchWords1767730000000 implements MigrationInterface {
  name = 'NewSenderSearchWords1767730000000';

  async up(q: QueryRunner): Promise<void> {
    // The words one identity gives its customer's tickets (as okienko_customer_search_words reads them).
    await q.query(`
      CREATE FUNCTION okienko_identity_search_words(kind text, value text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT strip(to_tsvector('simple', okienko_unaccent(CASE
                 WHEN kind = 'email' THEN lower(value) || ' ' || regexp_replace(lower(value), '[@._+-]+', ' ', 'g')
                 WHEN kind = 'phone' THEN (
                   SELECT string_agg(substr(d.digits, 1 + cut), ' ')
                   FROM (SELECT regexp_replace(value, '\\D', '', 'g') AS digits) d, generate_series(0, 3) cut
                   WHERE length(d.digits) - cut >= 6)
                 WHEN kind = 'chat' THEN NULL
                 ELSE value END)))
      $$`);
    // A new customer's name and address words, for the statement that creates them with their first ticket.
    await q.query(`
      CREATE FUNCTION okienko_sender_search_words(name text, email text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT strip(to_tsvector('simple', okienko_unaccent(concat_ws(' ',
                 name, lower(email), regexp_replace(lower(email), '[@._+-]+', ' ', 'g')))))
      $$`);
    await q.query(rebuildFunction(`
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT customer_id FROM changed_new)
            AND EXISTS (SELECT 1 FROM changed_new n
                         WHERE n.customer_id = t.customer_id
                           AND NOT (tsvector_to_array(okienko_identity_search_words(n.kind, n.value)) <@ tsvector_to_array(t.search_vector)));`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(rebuildFunction(`
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT customer_id FROM changed_new);`));
    await q.query(`DROP FUNCTION okienko_sender_search_words(text, text)`);
    await q.query(`DROP FUNCTION okienko_identity_search_words(text, text)`);
  }
}

/** The statement trigger that rebuilds a customer's tickets' documents, with `onInsert` for identities added. */
function rebuildFunction(onInsert: string): string {
  return `
      CREATE OR REPLACE FUNCTION okienko_customers_search_rebuild() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'customers' THEN
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT n.id FROM changed_new n JOIN changed_old o ON o.id = n.id
                                  WHERE n.name IS DISTINCT FROM o.name OR n.email IS DISTINCT FROM o.email);
        ELSIF TG_OP = 'INSERT' THEN${onInsert}
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT customer_id FROM changed_old);
        ELSE
          UPDATE tickets t SET search_vector = okienko_ticket_search_document(t.id, t.number, t.subject, t.customer_id)
          WHERE t.customer_id IN (SELECT customer_id FROM changed_new UNION SELECT customer_id FROM changed_old);
        END IF;
        RETURN NULL;
      END $$`;
}
