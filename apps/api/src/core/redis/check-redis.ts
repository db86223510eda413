import { Redis } from 'ioredis';
import { redactUrl } from '../database/database-url.js';
import { StartupError, withTimeout } from '../startup/startup-error.js';
import { redisOptions } from './redis-options.js';

/** Fails fast, in one line, when Redis cannot be reached. */
export async function checkRedis(url: string): Promise<void> {
  const client = new Redis({ ...redisOptions(url), lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  // The socket error says why (ECONNREFUSED, ENOTFOUND, ...); connect() itself only reports the closed connection.
  let socketError: NodeJS.ErrnoException | undefined;
  client.on('error', (error: NodeJS.ErrnoException) => (socketError ??= error));
  try {
    await withTimeout(client.connect().then(() => client.ping()), 6_000, () => new Error('timed out'));
  } catch (error) {
    const cause = socketError ?? (error as NodeJS.ErrnoException);
    const reason = cause.code ?? cause.message;
    throw new StartupError(
      `Cannot reach Redis at ${redactUrl(url)} (${reason}): start Redis (e.g. "redis-server --daemonize yes") or set REDIS_URL.`,
    );
  } finally {
    client.disconnect();
  }
}
