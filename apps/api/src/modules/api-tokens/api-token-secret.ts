import { createHash, randomBytes } from 'node:crypto';

/** Every API token starts with this, so it can be told from an access token (and found by secret scanners). */
export const API_TOKEN_PREFIX = 'okn_';

export function generateApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are long random strings, so a plain SHA-256 is a safe way to store them. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
