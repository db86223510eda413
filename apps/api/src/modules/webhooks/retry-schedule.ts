/**
 * When a failed delivery is tried again: the configured waits in order (about
 * 1 min, 5 min, 30 min, 2 h, 6 h, 24 h), each stretched by up to 20 % of
 * random jitter so endpoints coming back are not hit by every sender at once.
 * Null when the waits are used up (the delivery failed for good).
 */
export function nextRetryDelay(attemptsMade: number, delaysMs: readonly number[], random: () => number = Math.random): number | null {
  const base = delaysMs[attemptsMade - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 + 0.2 * random()));
}

/** Whether an answer is worth trying again: no answer (network error, time-out), 408, 429 and 5xx. Other 4xx are final. */
export function isRetryable(status: number | null): boolean {
  return status === null || status === 408 || status === 429 || status >= 500;
}
