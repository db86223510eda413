import type { BucketLimit, TokenBucket } from '../guards/token-bucket.js';
import { ShopError } from './shop-error.js';

/** One lookup's budget: every request of it shares the signal and the deadline. */
export interface ShopCall {
  signal: AbortSignal;
  /** Epoch ms after which nothing more is asked. */
  deadline: number;
}

/**
 * HTTP to a shop: each request first takes a token from the shop's shared
 * bucket (waiting for one only while the lookup's deadline allows) and is
 * aborted with the lookup.
 */
export class ShopClient {
  constructor(
    private readonly bucket: TokenBucket,
    private readonly bucketKey: string,
    private readonly limit: BucketLimit,
    private readonly call: ShopCall,
  ) {}

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const allowed = await this.bucket.acquire(this.bucketKey, this.limit, this.call.deadline, this.call.signal);
    if (!allowed) {
      throw new ShopError('rate_limited', "The shop's request limit is used up for now; try again shortly");
    }
    return fetch(url, { ...init, signal: this.call.signal, redirect: 'error' });
  }

  /** The shop reports how many requests it still takes (its own rate-limit headers). */
  async shopReports(left: number): Promise<void> {
    await this.bucket.lower(this.bucketKey, Math.max(0, left), this.limit);
  }
}

/** The body as JSON, or a ShopError naming what came instead. */
export async function jsonOf<T>(response: Response, what: string): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ShopError('invalid_answer', `${what} answered HTTP ${response.status} with something other than JSON: ${text.slice(0, 120)}`);
  }
}

/** A decimal amount as text with two places (`129.9` → `129.90`). */
export function money(value: unknown): string {
  const n = typeof value === 'number' ? value : Number(String(value ?? '0').replace(',', '.'));
  return Number.isFinite(n) ? n.toFixed(2) : '0.00';
}

/** Retry-After (seconds or a date) in milliseconds. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
