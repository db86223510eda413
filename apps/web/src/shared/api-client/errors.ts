import type { components } from './schema';

export type ErrorResponse = components['schemas']['ErrorResponseDto'];

/** The API answered, but not with success. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse | undefined,
    /** For 429: how long to wait, from Retry-After or the error details. */
    readonly retryAfterSeconds: number | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** The request never got an answer: the server is down or the network is gone. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('The API could not be reached', { cause });
    this.name = 'NetworkError';
  }
}

function isErrorResponse(value: unknown): value is ErrorResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorResponse).statusCode === 'number' &&
    typeof (value as ErrorResponse).message === 'string'
  );
}

/** Retry-After holds either seconds or an HTTP date; the body may carry `details.retryAfterSeconds`. */
export function parseRetryAfter(response: Response, body: ErrorResponse | undefined, now = Date.now()): number | null {
  const header = response.headers.get('Retry-After')?.trim();
  if (header) {
    if (/^\d+$/.test(header)) return Number(header);
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  const fromBody = body?.details?.['retryAfterSeconds'];
  if (typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0) return Math.ceil(fromBody);
  return null;
}

export function toApiError(response: Response, error: unknown): ApiError {
  const body = isErrorResponse(error) ? error : undefined;
  const retryAfter = response.status === 429 ? parseRetryAfter(response, body) : null;
  return new ApiError(response.status, body, retryAfter);
}

interface ClientResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Waits for a client call and returns its data, or throws ApiError for an
 * error answer and NetworkError when no answer came at all.
 */
export async function unwrap<T>(pending: Promise<ClientResult<T>>): Promise<T> {
  let result: ClientResult<T>;
  try {
    result = await pending;
  } catch (cause) {
    // fetch rejects with a TypeError when the request cannot be sent or answered.
    if (cause instanceof TypeError) throw new NetworkError(cause);
    throw cause;
  }
  if (result.response.ok && result.data !== undefined) return result.data;
  throw toApiError(result.response, result.error);
}

/** Like `unwrap`, for calls that answer nothing on success (204 No Content). */
export async function unwrapEmpty(pending: Promise<ClientResult<unknown>>): Promise<void> {
  let result: ClientResult<unknown>;
  try {
    result = await pending;
  } catch (cause) {
    if (cause instanceof TypeError) throw new NetworkError(cause);
    throw cause;
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);
}
