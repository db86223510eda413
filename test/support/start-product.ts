import { startHostedProduct } from './product-host/host-client.js';
import type { InProcessTestProduct, TestProduct } from './product-instance.js';

export type { InProcessTestProduct, TestProduct } from './product-instance.js';

export interface StartProductOptions {
  /** Start on this (stopped) product's database: how a restart is tested. */
  reuseDatabaseOf?: TestProduct;
  /**
   * Start on a database that does not exist yet, so the product creates and
   * migrates it as on a fresh server (by default it gets a copy of the run's
   * migrated template, and its migrations find nothing to do).
   */
  emptyDatabase?: boolean;
}

/**
 * The whole product (API serving the built panel, SMTP listener, worker) on a
 * database of its own and a Redis prefix of its own, on free ports. It runs in
 * this jest worker's product host (product-host/host.ts), which has the
 * product's code loaded already; a test talks to it over its real ports only.
 */
export function startProduct(env: Record<string, string> = {}, options: StartProductOptions = {}): Promise<TestProduct> {
  return startHostedProduct(env, { reuseDatabaseUrl: options.reuseDatabaseOf?.databaseUrl, emptyDatabase: options.emptyDatabase });
}

/**
 * The same product started in the test's own process, for the few tests that reach into its services
 * (`running.app.get(…)`). Loading the product's code here costs the test file a few seconds.
 */
export async function startProductInProcess(env: Record<string, string> = {}, options: StartProductOptions = {}): Promise<InProcessTestProduct> {
  const { startProductHere } = await import('./product-instance.js');
  return startProductHere(env, { reuseDatabaseUrl: options.reuseDatabaseOf?.databaseUrl, emptyDatabase: options.emptyDatabase });
}
