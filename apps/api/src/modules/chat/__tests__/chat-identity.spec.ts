import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { hashToken, identityVerified, newSessionToken, tokenMatches } from '../chat-identity.js';

describe('chat identity', () => {
  const secret = 'sekret-sklepu-0123456789';
  const hash = (email: string) => createHmac('sha256', secret).update(email).digest('hex');

  it('accepts the HMAC-SHA256 of the e-mail (any letter case of the address) under the widget secret', () => {
    expect(identityVerified(secret, 'Jan@Example.pl', hash('jan@example.pl'))).toBe(true);
    expect(identityVerified(secret, 'jan@example.pl', hash('jan@example.pl').toUpperCase())).toBe(true);
  });

  it('refuses another address, another secret, a malformed hash, and everything without a secret', () => {
    expect(identityVerified(secret, 'ewa@example.pl', hash('jan@example.pl'))).toBe(false);
    expect(identityVerified('inny-sekret-0123456789', 'jan@example.pl', hash('jan@example.pl'))).toBe(false);
    expect(identityVerified(secret, 'jan@example.pl', 'abc')).toBe(false);
    expect(identityVerified(null, 'jan@example.pl', hash('jan@example.pl'))).toBe(false);
    expect(identityVerified(secret, null, hash('jan@example.pl'))).toBe(false);
  });

  it('keeps only a hash of the session token and matches the token against it', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenMatches(token, hashToken(token))).toBe(true);
    expect(tokenMatches(`${token}x`, hashToken(token))).toBe(false);
    expect(tokenMatches(token, 'zz')).toBe(false);
  });
});
