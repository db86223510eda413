import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs a statement the product sends many times a second as a named prepared
 * statement: each pooled connection parses and plans it once and then only
 * executes it, where a plain query is planned anew on every call (about a
 * millisecond for the larger statements of mail ingest). `name` must belong to
 * exactly one text. On the pool, or on the connection of a transaction's
 * manager. Errors are the driver's own (with PostgreSQL's `code`).
 */
export async function preparedQuery<Row>(on: DataSource | EntityManager, name: string, text: string, values: unknown[]): Promise<Row[]> {
  const result = await clientOf(on).query({ name, text, values });
  return result.rows as Row[];
}

function clientOf(on: DataSource | EntityManager): Pool | PoolClient {
  const runner = 'queryRunner' in on ? on.queryRunner : undefined;
  if (runner) {
    const connection = (runner as unknown as { databaseConnection?: PoolClient }).databaseConnection;
    if (!connection) throw new Error('preparedQuery: the transaction has no connection yet');
    return connection;
  }
  const dataSource = 'driver' in on ? (on as DataSource) : (on as EntityManager).connection;
  return (dataSource.driver as unknown as { master: Pool }).master;
}
