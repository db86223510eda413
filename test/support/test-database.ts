import pg from 'pg';

/** The server the tests create their databases on (trust auth on this machine). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function runName(): string {
  const run = process.env.OKIENKO_TEST_RUN;
  if (!run) throw new Error('OKIENKO_TEST_RUN is not set: run the tests through jest (its global setup names the run)');
  return run;
}

/** A new, unique database name for one product in this run (the product creates and migrates it at start). */
export function newTestDatabaseName(): string {
  return `${runName()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The run's migrated database every test database is copied from (removed by the global teardown with the rest). */
export function templateDatabaseName(): string {
  return `${runName()}_template`;
}

let templateReady: Promise<string> | undefined;

/**
 * Creates and migrates the run's template database, once per run: the first
 * jest worker to get here does it under an advisory lock (keyed by the run's
 * name) while the others wait, then finds it there.
 */
function ensureTemplate(): Promise<string> {
  return (templateReady ??= (async () => {
    const template = templateDatabaseName();
    const client = new pg.Client({ connectionString: TEST_SERVER_URL });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (!rowCount) {
        await client.query(`CREATE DATABASE ${pg.escapeIdentifier(template)}`);
        try {
          // Loaded here, so that suites which only need the names above stay light.
          const { runMigrations } = await import('../../apps/api/src/core/database/run-migrations.js');
          const { Logger } = await import('@nestjs/common');
          Logger.overrideLogger(['error', 'fatal']); // as the products log (LOG_LEVEL=error): no line per migration
          await runMigrations(databaseUrl(template));
        } catch (error) {
          await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(template)} WITH (FORCE)`);
          throw error;
        }
      }
      return template;
    } finally {
      await client.end(); // ends the session, which releases the lock
    }
  })().catch((error: unknown) => {
    templateReady = undefined;
    throw error;
  }));
}

/**
 * A new database for one product, copied from the run's migrated template
 * (`CREATE DATABASE … TEMPLATE`): much cheaper than migrating each one. The
 * product still runs its migrations at start, which finds nothing to do.
 */
export async function createTestDatabase(): Promise<string> {
  const template = await ensureTemplate();
  const name = newTestDatabaseName();
  const client = new pg.Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(template)}`);
    // A commit does not wait for its WAL to reach the disk: what it wrote is visible to every session at once, as
    // before; only a crash of PostgreSQL itself (which no test causes) could lose the last moment. Saves a disk flush
    // per commit, thousands per test file.
    await client.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} SET synchronous_commit = off`);
  } finally {
    await client.end();
  }
  return name;
}
