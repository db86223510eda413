export interface WaitForOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Pause between attempts (default 50 ms). */
  intervalMs?: number;
  /** What is awaited, for the error message (e.g. "the mail to become a ticket"). */
  description?: string;
}

/**
 * Polls `fn` until it answers something truthy and answers that value. Made for
 * waiting on asynchronous processing (a mail becoming a ticket, a reply being
 * sent); it is not a timing assertion, so the default timeout is generous.
 *
 * An exception thrown by `fn` counts as "not yet" (so `fn` may contain
 * `expect` calls); when time runs out, the last exception, or the last value,
 * is in the error.
 */
export async function waitFor<T>(fn: () => T | Promise<T>, options: WaitForOptions = {}): Promise<NonNullable<T>> {
  const { timeoutMs = 10_000, intervalMs = 50, description = 'the condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  let lastValue: unknown = undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
      lastValue = value;
      lastError = null;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const last = lastError
        ? `last error: ${lastError instanceof Error ? lastError.message : String(lastError)}`
        : `last value: ${describe(lastValue)}`;
      const error = new Error(`Timed out after ${timeoutMs} ms (${attempt} attempts) waiting for ${description}; ${last}`);
      if (lastError instanceof Error) error.cause = lastError;
      throw error;
    }
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())));
  }
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.length > 500 ? `${text.slice(0, 500)}…` : text;
  } catch {
    return String(value);
  }
}
