import type { DataSourceOptions } from 'typeorm';
import { migrations } from '@okienko/migrations';
import { entities } from './entities.js';

export function dataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    extra: { max: poolSize, connectionTimeoutMillis: 5_000, application_name: 'okienko' },
  };
}
