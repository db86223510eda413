import { promises as dns } from 'node:dns';

/** A look-up as mailauth asks for it: answers like `dns.promises.resolve(name, rrtype)`, or rejects with its error codes. */
export type MailAuthResolver = (name: string, rrtype: string) => Promise<unknown>;

export interface MailAuthResolverOptions {
  /** `ip` or `ip:port` (IPv6 as `[ip]:port`); empty: the system's resolvers. */
  servers: string[];
  /** How long one look-up may take before it fails with ETIMEOUT. */
  timeoutMs: number;
  /** How long answers (and "no such name") are kept. */
  ttlMs?: number;
  /** How long a failure (timeout, SERVFAIL) is kept, so a dead server is not asked for every mail of a storm. */
  failureTtlMs?: number;
  /** Most names kept; the oldest go first. */
  maxEntries?: number;
}

/** Answers that are final for the name: no such domain, no record of that type. */
const DEFINITE_ERRORS = new Set(['ENOTFOUND', 'ENODATA']);

/**
 * The DNS look-ups of SPF, DKIM and DMARC checks: with a short timeout, one
 * try, and an in-memory cache of answers and failures (concurrent look-ups of
 * one name share one query), so a burst of mail from one domain asks once.
 */
export function createMailAuthResolver(options: MailAuthResolverOptions): MailAuthResolver {
  const resolver = new dns.Resolver({ timeout: options.timeoutMs, tries: 1 });
  if (options.servers.length) resolver.setServers(options.servers);
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const failureTtlMs = options.failureTtlMs ?? 30_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const cache = new Map<string, { expires: number; answer: Promise<unknown> }>();

  return (name, rrtype) => {
    const key = `${rrtype.toUpperCase()} ${name.toLowerCase().replace(/\.$/, '')}`;
    const now = Date.now();
    const cached = cache.get(key);
    if (cached && cached.expires > now) return cached.answer;
    if (cached) cache.delete(key);
    const answer = (resolver.resolve as (name: string, rrtype: string) => Promise<unknown>).call(resolver, name, rrtype);
    const entry = { expires: now + ttlMs, answer };
    answer.catch((error: NodeJS.ErrnoException) => {
      if (!DEFINITE_ERRORS.has(error.code ?? '')) entry.expires = Date.now() + failureTtlMs;
    });
    cache.set(key, entry);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return answer;
  };
}
