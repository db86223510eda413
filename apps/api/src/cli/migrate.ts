import 'reflect-metadata';
import { ConfigError } from '../core/config/app-config.js';
import { loadConfig } from '../core/config/load-config.js';
import { startEmbeddedPostgres } from '../core/database/embedded-postgres.js';
import { ensureDatabase } from '../core/database/ensure-database.js';
import { runMigrations } from '../core/database/run-migrations.js';
import { StartupError } from '../core/startup/startup-error.js';

/** `npm run migrate`: brings the database schema up to date and exits. */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort);
  try {
    const url = config.databaseUrl ?? embedded!.url;
    await ensureDatabase(url);
    const applied = await runMigrations(url);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database schema is up to date.\n');
  } finally {
    await embedded?.stop();
  }
}

migrate().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StartupError;
  process.stderr.write(`Migration failed: ${known ? (error as Error).message : ((error as Error)?.stack ?? String(error))}\n`);
  process.exit(1);
});
