import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';

/**
 * Ends the run's product hosts (test/support/product-host: one per jest worker, each noted in a file
 * `<run>-product-host-<worker>.json` in the temporary directory), waiting until each has stopped its products.
 */
async function endProductHosts(run: string): Promise<void> {
  const prefix = `${run}-product-host-`;
  const files = (await readdir(tmpdir())).filter((name) => name.startsWith(prefix)).map((name) => path.join(tmpdir(), name));
  await Promise.all(
    files.map(async (file) => {
      const { pid } = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { pid?: number };
      const alive = (): boolean => {
        try {
          return pid !== undefined && process.kill(pid, 0);
        } catch {
          return false;
        }
      };
      if (alive()) process.kill(pid!, 'SIGTERM');
      for (let waited = 0; alive() && waited < 15_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
      if (alive()) process.kill(pid!, 'SIGKILL');
      await rm(file, { force: true });
    }),
  );
}

/** Ends the run's product hosts, then drops every database and Redis key the run created. (Imports packages only, like the setup.) */
export default async function globalTeardown(): Promise<void> {
  const run = process.env.OKIENKO_TEST_RUN;
  if (!run) return;
  await endProductHosts(run);
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${run}%`]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(datname)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
  const redis = new Redis(process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${run}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
