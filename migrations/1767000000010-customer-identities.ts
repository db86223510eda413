import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a customer is recognised across channels: e-mail addresses, phone
 * numbers in E.164, chat visitors, Allegro logins and ids in outside systems
 * (`external`, with their `source`). Each identity belongs to one customer
 * (unique per kind, source and value). Filled from the customers' e-mail
 * addresses and phone numbers; numbers read in DEFAULT_PHONE_REGION (PL)
 * when written without a country code. A number that is not a phone number,
 * or one another customer had first, stays in the customer's notes.
 *
 * Merges: a customer merged into another points at it (`merged_into_id`);
 * `customer_merges` records what each merge moved.
 */
export class CustomerIdentities1767000000010 implements MigrationInterface {
  name = 'CustomerIdentities1767000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customer_identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('email', 'phone', 'chat', 'allegro', 'external')),
        source text NOT NULL DEFAULT '',
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT customer_identities_key UNIQUE (kind, source, value)
      )`);
    await q.query(`ALTER TABLE customers ADD COLUMN merged_into_id uuid REFERENCES customers (id), ADD COLUMN merged_at timestamptz`);
    // What a merge moved from its source to its target, so that undoing it restores exactly that.
    await q.query(`
      CREATE TABLE customer_merges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_id uuid NOT NULL REFERENCES customers (id),
        source_id uuid NOT NULL REFERENCES customers (id),
        ticket_ids uuid[] NOT NULL,
        identity_ids uuid[] NOT NULL,
        message_ids uuid[] NOT NULL,
        source_state jsonb NOT NULL,
        actor_type text NOT NULL,
        actor_id text,
        actor_name text,
        merged_at timestamptz NOT NULL DEFAULT now(),
        unmerged_at timestamptz
      )`);
    await q.query(`CREATE INDEX customer_merges_target_idx ON customer_merges (target_id, merged_at DESC)`);
    await q.query(`CREATE INDEX customer_merges_source_idx ON customer_merges (source_id, merged_at DESC)`);
    await q.query(`CREATE INDEX customer_identities_customer_idx ON customer_identities (customer_id, created_at, id)`);
    await q.query(`
      INSERT INTO customer_identities (customer_id, kind, value, created_at)
      SELECT id, 'email', lower(email), created_at FROM customers WHERE email IS NOT NULL ORDER BY created_at, id
      ON CONFLICT DO NOTHING`);
    await q.query(`
      INSERT INTO customer_identities (customer_id, kind, value, created_at)
      SELECT c.id, 'email', lower(e.address), c.created_at FROM customers c, unnest(c.emails) AS e(address) ORDER BY c.created_at, c.id
      ON CONFLICT DO NOTHING`);
    const region = process.env.DEFAULT_PHONE_REGION?.trim().toUpperCase() || 'PL';
    const rows: { id: string; phones: string[]; created_at: Date }[] = await q.query(
      `SELECT id, phones, created_at FROM customers WHERE cardinality(phones) > 0 ORDER BY created_at, id`,
    );
    for (const row of rows) {
      const kept: string[] = [];
      const unreadable: string[] = [];
      for (const phone of row.phones) {
        const e164 = normalisePhone(phone, region);
        if (!e164) {
          unreadable.push(phone);
          continue;
        }
        const inserted: unknown[] = await q.query(
          `INSERT INTO customer_identities (customer_id, kind, value, created_at) VALUES ($1, 'phone', $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
          [row.id, e164, row.created_at],
        );
        if (inserted.length) kept.push(e164);
        else if (!kept.includes(e164)) unreadable.push(phone);
      }
      await q.query(
        `UPDATE customers SET phones = $2,
                notes = CASE WHEN cardinality($3::text[]) = 0 THEN notes
                             ELSE concat_ws(E'\\n', notes, 'Phone numbers: ' || array_to_string($3::text[], ', ')) END
          WHERE id = $1`,
        [row.id, kept, unreadable],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS customer_merges`);
    await q.query(`DROP TABLE IF EXISTS customer_identities`);
    await q.query(`ALTER TABLE customers DROP COLUMN IF EXISTS merged_into_id, DROP COLUMN IF EXISTS merged_at`);
  }
}

function normalisePhone(raw: string, region: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim().replace(/^00(?=[1-9])/, '+'), isSupportedCountry(region) ? { defaultCountry: region as CountryCode } : undefined);
  return parsed && parsed.isPossible() ? parsed.number : null;
}
