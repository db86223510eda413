import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** Any fixed number: every instance starting at once takes the same lock, so migrations run once. */
const MIGRATION_LOCK_KEY = 7_364_101;

export async function runMigrations(url: string): Promise<string[]> {
  const logger = new Logger('Migrations');
  const dataSource = new DataSource({ ...dataSourceOptions(url, 1), logging: false });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'all' });
      for (const migration of applied) logger.log(`applied ${migration.name}`);
      return applied.map((m) => m.name);
    } finally {
      await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await dataSource.destroy();
  }
}
