import type { DataSource } from 'typeorm';
import type { SqlParams } from './report-sql.js';

/** Memory for the sorts and hash tables of one report query: a year of durations sorted for the percentiles fits (only admins read reports). */
const REPORT_WORK_MEM = '64MB';

/**
 * One report query in its own short transaction with more memory for its
 * sorts and hash tables and without JIT compilation, which costs more than
 * it saves on these aggregates.
 */
export function reportRows<T>(dataSource: DataSource, text: string, sql: SqlParams): Promise<T[]> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('work_mem', '${REPORT_WORK_MEM}', true), set_config('jit', 'off', true)`);
    return (await manager.query(text, sql.values)) as T[];
  });
}
