import { createHmac } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { isPrivateAddress } from '../outbound-address-guard.js';
import { isRetryable, nextRetryDelay } from '../retry-schedule.js';
import { newSigningSecret, signedHeaders, signatureOf, verifySignature } from '../standard-webhook-signature.js';

describe('Standard Webhooks signatures', () => {
  // The example of the Standard Webhooks specification.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = '{"test": 2432232314}';

  it('signs as the specification example does', () => {
    expect(signatureOf(secret, id, timestamp, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('signs with every secret given, space-separated', () => {
    const other = newSigningSecret();
    const headers = signedHeaders([secret, other], id, timestamp, body);
    expect(headers['webhook-signature']!.split(' ')).toEqual([signatureOf(secret, id, timestamp, body), signatureOf(other, id, timestamp, body)]);
  });

  it('verifies: the right secret within 5 minutes; refuses others, stale and missing headers', () => {
    const now = new Date(timestamp * 1000 + 60_000);
    const signature = signatureOf(secret, id, timestamp, body);
    const headers = { id, timestamp: String(timestamp), signature };
    expect(verifySignature(secret, headers, body, now)).toBe('ok');
    expect(verifySignature(secret, { ...headers, signature: `v1,bad v1,${signature.slice(3)}` }, body, now)).toBe('ok');
    expect(verifySignature(newSigningSecret(), headers, body, now)).toBe('mismatch');
    expect(verifySignature(secret, headers, `${body} `, now)).toBe('mismatch');
    expect(verifySignature(secret, headers, body, new Date(timestamp * 1000 + 301_000))).toBe('stale');
    expect(verifySignature(secret, { ...headers, signature: undefined }, body, now)).toBe('missing');
  });

  it('new secrets are whsec_ and 32 random bytes', () => {
    const fresh = newSigningSecret();
    expect(fresh).toMatch(/^whsec_/);
    expect(Buffer.from(fresh.slice(6), 'base64')).toHaveLength(32);
    const mac = createHmac('sha256', Buffer.from(fresh.slice(6), 'base64')).update(`${id}.${timestamp}.${body}`).digest('base64');
    expect(signatureOf(fresh, id, timestamp, body)).toBe(`v1,${mac}`);
  });
});

describe('private addresses', () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '224.0.0.1'])(
    '%s is refused',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '2a00:1450:4001:82a::200e', '::ffff:8.8.8.8', '100.128.0.1'])('%s is public', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe('retry schedule', () => {
  const delays = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 86_400_000];

  it('waits about 1 min, 5 min, 30 min, 2 h, 6 h, 24 h, then gives up', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => nextRetryDelay(n, delays, () => 0))).toEqual(delays);
    expect(nextRetryDelay(7, delays, () => 0)).toBeNull();
  });

  it('adds up to 20 % jitter', () => {
    expect(nextRetryDelay(1, delays, () => 0.999)).toBe(Math.round(60_000 * 1.1998));
  });

  it('retries no answer, 408, 429 and 5xx; other answers are final', () => {
    expect([null, 408, 429, 500, 503].every(isRetryable)).toBe(true);
    expect([400, 401, 404, 410, 422].some(isRetryable)).toBe(false);
  });
});
