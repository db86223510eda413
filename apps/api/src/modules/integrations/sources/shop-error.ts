/** Why a shop could not answer. */
export type ShopErrorKind = 'auth' | 'rate_limited' | 'timeout' | 'unavailable' | 'invalid_answer' | 'circuit_open';

/** A shop's failure, with the shop's own message where it gave one. */
export class ShopError extends Error {
  constructor(
    readonly kind: ShopErrorKind,
    message: string,
    /** For `rate_limited`: how long the shop asked to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ShopError';
  }
}

/** Any error as a ShopError (an abort becomes a time-out). */
export function asShopError(error: unknown, timeoutMs: number): ShopError {
  if (error instanceof ShopError) return error;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new ShopError('timeout', `The shop did not answer within ${timeoutMs} ms`);
  }
  const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
  return new ShopError('unavailable', `Could not reach the shop: ${cause}`);
}
