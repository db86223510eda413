import { randomBytes } from 'node:crypto';

/** A new channel key: 32 random bytes, base64url (43 characters), safe in a URL as it is. */
export function newChannelKey(): string {
  return randomBytes(32).toString('base64url');
}
