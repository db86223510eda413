import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError } from './core/config/app-config.js';
import { loadConfig } from './core/config/load-config.js';
import { lowerWorkerPriority } from './core/startup/lower-worker-priority.js';
import { StartupError } from './core/startup/startup-error.js';
import { startOkienko } from './core/startup/start-okienko.js';

/**
 * Entry point. Roles come from OKIENKO_ROLES or --roles=api,smtp,worker
 * (all three by default). Start-up problems end the process with one line.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const niceness = lowerWorkerPriority(config);
  const running = await startOkienko(config);
  if (niceness !== null) Logger.log(`Worker at lower CPU priority (nice ${niceness}): accepting mail and the API go first`, 'Okienko');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nOkienko stopping (${signal})\n`);
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Okienko cannot start: configuration ${error.message}\n`);
  } else if (error instanceof StartupError) {
    process.stderr.write(`Okienko cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`Okienko cannot start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
