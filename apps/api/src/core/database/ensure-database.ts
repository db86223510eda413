import pg from 'pg';
import { StartupError, withTimeout } from '../startup/startup-error.js';
import { databaseName, redactUrl, withDatabase } from './database-url.js';

const CONNECT_TIMEOUT_MS = 5_000;

function explain(url: string, error: unknown): StartupError {
  const reason = error instanceof Error ? (error as NodeJS.ErrnoException).code ?? error.message : String(error);
  return new StartupError(
    `Cannot reach PostgreSQL at ${redactUrl(url)} (${reason}): start PostgreSQL or point DATABASE_URL at a running server ` +
      '(leave DATABASE_URL unset to use the embedded PostgreSQL).',
  );
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  try {
    await withTimeout(client.connect(), CONNECT_TIMEOUT_MS + 500, () => new Error('timed out'));
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/**
 * Connects to the server of `url` and creates its database when it does not
 * exist yet, so a fresh server needs no manual set-up.
 */
export async function ensureDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  let client: pg.Client;
  try {
    client = await connect(url);
    await client.end();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw explain(url, error);
  }
  // 3D000: the database does not exist. Create it through the maintenance database.
  try {
    client = await connect(withDatabase(url, 'postgres'));
  } catch (error) {
    throw explain(url, error);
  }
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    // 42P04: another instance created it meanwhile.
    if ((error as { code?: string }).code !== '42P04') {
      throw new StartupError(`Cannot create database "${name}" on ${redactUrl(url)}: ${(error as Error).message}`);
    }
  } finally {
    await client.end();
  }
}
