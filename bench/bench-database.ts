/**
 * What the benchmarks share: the PostgreSQL server they run on
 * (BENCH_DATABASE_URL), a database of their own on it, and percentiles.
 */
import pg from 'pg';

export const BENCH_SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The address of database `name` on the benchmarks' server. */
export function benchDatabaseUrl(name: string): string {
  const url = new URL(BENCH_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops database `name` (closing its connections) and, unless `dropOnly`, creates it empty again. */
export async function recreateBenchDatabase(name: string, { dropOnly = false } = {}): Promise<void> {
  const client = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    if (!dropOnly) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

/** The p-th percentile of ascending values (nearest rank); NaN for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
