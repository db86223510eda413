import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One index of customer identities by value serves both the uniqueness of an
 * identity (kind, source and value) and the search by prefix (`jan@exa`,
 * `+48600 1…`): the unique key leads with the value, in the byte order that
 * `LIKE 'prefix%'` ranges need. Until now these were two indexes, so every
 * new customer's identity (one with every mail from a new sender) wrote one
 * index entry more than it needs. Looking an identity up by kind, source and
 * value uses the same key.
 */
export class IdentityValueKey1767740000010 implements MigrationInterface {
  name = 'IdentityValueKey1767740000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX customer_identities_value_key ON customer_identities (value text_pattern_ops, kind, source)`);
    await q.query(`ALTER TABLE customer_identities DROP CONSTRAINT customer_identities_key`);
    await q.query(`DROP INDEX customer_identities_value_prefix_idx`);
    await q.query(`ALTER INDEX customer_identities_value_key RENAME TO customer_identities_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX customer_identities_value_prefix_idx ON customer_identities (value text_pattern_ops)`);
    await q.query(`DROP INDEX customer_identities_key`);
    await q.query(`ALTER TABLE customer_identities ADD CONSTRAINT customer_identities_key UNIQUE (kind, source, value)`);
  }
}
