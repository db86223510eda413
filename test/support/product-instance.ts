import path from 'node:path';
import { loadConfig } from '../../apps/api/src/core/config/load-config.js';
import { startOkienko, type RunningOkienko } from '../../apps/api/src/core/startup/start-okienko.js';
import { startDnsStub } from './dns-stub.js';
import { createTestDatabase, databaseUrl, newTestDatabaseName, TEST_REDIS_URL } from './test-database.js';

let emptyDns: Promise<string> | undefined;

/**
 * A DNS server (on loopback) that knows no names, for the sender checks of
 * inbound mail: every domain publishes nothing (SPF, DKIM and DMARC answer
 * none) at once, whatever the machine's resolver would do. Suites that test
 * the checks pass MAIL_AUTH_DNS_SERVERS of their own stub.
 */
function emptyDnsServer(): Promise<string> {
  return (emptyDns ??= startDnsStub().then((stub) => stub.server));
}

/** A started product as the tests see it: where it listens, its database and its first admin. */
export interface TestProduct {
  baseUrl: string;
  smtpPort: number | null;
  databaseUrl: string;
  admin: { email: string; password: string };
  close(): Promise<void>;
}

/** A product started in the test's own process, whose services a test can reach. */
export interface InProcessTestProduct extends TestProduct {
  running: RunningOkienko;
}

/** Which database a product starts on (plain data: it also travels to the product host). */
export interface ProductDatabaseChoice {
  /** Start on this (stopped) product's database, given by its URL: how a restart is tested. */
  reuseDatabaseUrl?: string;
  /**
   * Start on a database that does not exist yet, so the product creates and
   * migrates it as on a fresh server (by default it gets a copy of the run's
   * migrated template, and its migrations find nothing to do).
   */
  emptyDatabase?: boolean;
}

/**
 * The whole product (API serving the built panel, SMTP listener, worker) on a
 * database of its own and a Redis prefix of its own, on free ports, in this
 * process.
 */
export async function startProductHere(env: Record<string, string> = {}, options: ProductDatabaseChoice = {}): Promise<InProcessTestProduct> {
  const database = options.reuseDatabaseUrl
    ? new URL(options.reuseDatabaseUrl).pathname.slice(1)
    : options.emptyDatabase
      ? newTestDatabaseName()
      : await createTestDatabase();
  const admin = { email: 'admin@okienko.test', password: 'Admin-password-1' };
  const config = loadConfig(
    {
      DATABASE_URL: databaseUrl(database),
      REDIS_URL: TEST_REDIS_URL,
      // Starts with the run's name, so the global teardown removes its keys.
      REDIS_PREFIX: database,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: '0',
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
      LOG_LEVEL: 'error',
      WEB_DIST_DIR: path.resolve('dist/apps/web'),
      MAIL_AUTH_DNS_SERVERS: await emptyDnsServer(),
      ...env,
    },
    [],
  );
  const running = await startOkienko(config);
  return {
    baseUrl: running.httpUrl!,
    smtpPort: running.smtpPort,
    databaseUrl: running.databaseUrl,
    admin,
    running,
    close: () => running.stop(),
  };
}
