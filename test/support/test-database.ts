/** The server the tests create their databases on (trust auth on this machine). */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A new, unique database name for one product in this run; the product creates and migrates it. */
export function newTestDatabaseName(): string {
  const run = process.env.OKIENKO_TEST_RUN;
  if (!run) throw new Error('OKIENKO_TEST_RUN is not set: run the tests through jest (its global setup names the run)');
  return `${run}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}

export function databaseUrl(name: string): string {
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
