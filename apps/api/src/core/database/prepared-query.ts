import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a statement the product sends many times a second as a named prepared
 * statement: each pooled connection parses and plans it once and then only
 * executes it, where a plain query is planned anew on every call (about a
 * millisecond for the larger statements of mail ingest). `name` must belong to
 * exactly one text. Errors are the driver's own (with PostgreSQL's `code`).
 */
export async function preparedQuery<Row>(dataSource: DataSource, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const result = await pool.query({ name, text, values });
  return result.rows as Row[];
}
