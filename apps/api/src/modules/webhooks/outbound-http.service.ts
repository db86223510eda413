import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { isPrivateAddress } from './outbound-address-guard.js';

/** Redirects followed (each checked again) before giving up. */
const MAX_REDIRECTS = 3;
/** How much of an answer is kept (for the delivery log and `{externalMessageId}` answers). */
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface OutboundResponse {
  /** The HTTP status; null when no answer came (refused address, network error, time-out). */
  status: number | null;
  /** The start of the answer's body (at most 64 KiB read). */
  body: string;
  /** Why no answer came. */
  error: string | null;
  /** The answer's headers (lower-case names; empty without an answer). */
  headers: Record<string, string>;
  durationMs: number;
}

/** A refused destination: a private, loopback or link-local address, or not http(s). */
export class RefusedDestinationError extends Error {}

/**
 * The one client for outbound HTTP to addresses others configure (webhooks,
 * API-channel callbacks, marketplaces): a time-out, no private, loopback or
 * link-local addresses unless WEBHOOKS_ALLOW_PRIVATE_NETWORKS (checked on the
 * addresses DNS answers, at connection time, and again on every redirect), at
 * most 3 redirects. Never logs what it sends.
 */
@Injectable()
export class OutboundHttpService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Why a URL cannot be called (not http(s), a literal private address, or
   * `localhost` while private networks are not allowed), or null. Names are
   * checked again on the addresses DNS answers when the request is made.
   */
  checkUrl(url: string, byName = true): string | null {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return 'must be an absolute http(s) URL';
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must be an http(s) URL';
    if (parsed.username || parsed.password) return 'must not carry a user name or password';
    const host = parsed.hostname.replace(/^\[|\]$/g, '');
    if (!this.config.webhooksAllowPrivateNetworks && ((isIP(host) && isPrivateAddress(host)) || (byName && (host === 'localhost' || host.endsWith('.localhost'))))) {
      return 'must not point to a private, loopback or link-local address';
    }
    return null;
  }

  async request(
    method: string,
    url: string,
    options: { headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number; followRedirects?: boolean } = {},
  ): Promise<OutboundResponse> {
    const started = Date.now();
    const timeoutMs = options.timeoutMs ?? this.config.webhooksTimeoutMs;
    let current = url;
    let currentMethod = method;
    let body = options.body;
    for (let hop = 0; ; hop++) {
      const problem = this.checkUrl(current, false);
      if (problem) return { status: null, body: '', error: `The URL ${problem}`, headers: {}, durationMs: Date.now() - started };
      try {
        const answer = await this.once(currentMethod, current, options.headers ?? {}, body, timeoutMs - (Date.now() - started));
        const location = answer.location;
        if (options.followRedirects !== false && location && answer.status >= 300 && answer.status < 400 && hop < MAX_REDIRECTS) {
          current = new URL(location, current).toString();
          if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && currentMethod === 'POST')) {
            currentMethod = 'GET';
            body = undefined;
          }
          continue;
        }
        return { status: answer.status, body: answer.body, error: null, headers: answer.headers, durationMs: Date.now() - started };
      } catch (error) {
        return { status: null, body: '', error: (error as Error).message, headers: {}, durationMs: Date.now() - started };
      }
    }
  }

  private once(
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | Buffer | undefined,
    timeoutMs: number,
  ): Promise<{ status: number; body: string; location: string | null; headers: Record<string, string> }> {
    const parsed = new URL(url);
    const send = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
    const payload = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body) : body;
    return new Promise((resolve, reject) => {
      const req = send(
        parsed,
        {
          method,
          headers: { 'user-agent': 'Okienko-Webhooks/1', ...headers, ...(payload ? { 'content-length': String(payload.length) } : {}) },
          lookup: this.guardedLookup,
          timeout: Math.max(1, timeoutMs),
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
            size += chunk.length;
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).subarray(0, MAX_RESPONSE_BYTES).toString('utf8'),
              location: typeof res.headers.location === 'string' ? res.headers.location : null,
              headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')])),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`No answer within ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** DNS as usual, then every address answered checked: a name pointing to a private address is refused. */
  private readonly guardedLookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      if (!this.config.webhooksAllowPrivateNetworks) {
        const refused = list.find((a) => isPrivateAddress(a.address));
        if (refused) return callback(new RefusedDestinationError(`${hostname} resolves to ${refused.address}, a private, loopback or link-local address`), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
