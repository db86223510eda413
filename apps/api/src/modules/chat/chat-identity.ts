import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A visitor's secret for their session: 32 random bytes, base64url. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A visitor id for a browser that has none yet. */
export function newVisitorId(): string {
  return randomBytes(16).toString('base64url');
}

/** What is stored of a token: its SHA-256 (hex). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares a presented token with the stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a shop vouched for the visitor's e-mail: `identityHash` must be
 * HMAC-SHA256(widget secret, e-mail in lower case), hex, computed on the
 * shop's server (the secret never reaches the browser). No secret: nothing
 * is ever verified.
 */
export function identityVerified(secret: string | null, email: string | null, identityHash: string | null): boolean {
  if (!secret || !email || !identityHash || !/^[0-9a-f]{64}$/i.test(identityHash)) return false;
  const expected = createHmac('sha256', secret).update(email.trim().toLowerCase()).digest();
  return timingSafeEqual(expected, Buffer.from(identityHash.toLowerCase(), 'hex'));
}
