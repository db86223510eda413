import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Tokens that need nothing stored to be checked: a fixed-size payload followed
 * by its HMAC-SHA256, base64url. The signature proves Okienko wrote it; what
 * the payload holds (ids, times) is the caller's.
 */
const MAC_BYTES = 32;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A key for one kind of token, derived from the installation's secret (never the secret itself). */
export function deriveTokenKey(installationSecret: string, purpose: string): Buffer {
  if (installationSecret.length === 0) throw new Error('the installation secret is empty');
  return createHmac('sha256', installationSecret).update(purpose).digest();
}

/** How many base64url characters a token of `payloadBytes` has. */
export function signedTokenLength(payloadBytes: number): number {
  return Math.ceil(((payloadBytes + MAC_BYTES) * 8) / 6);
}

export function signPayload(key: Buffer, payload: Buffer): string {
  return Buffer.concat([payload, mac(key, payload)]).toString('base64url');
}

/**
 * The payload of a token signed with `key` that carries `payloadBytes`; null for
 * anything else: another shape or length, another key, an altered byte, or
 * another spelling of the same bytes (one spelling per token).
 */
export function openSignedPayload(key: Buffer, token: unknown, payloadBytes: number): Buffer | null {
  if (typeof token !== 'string' || token.length !== signedTokenLength(payloadBytes) || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== payloadBytes + MAC_BYTES || bytes.toString('base64url') !== token) return null;
  const payload = bytes.subarray(0, payloadBytes);
  return timingSafeEqual(bytes.subarray(payloadBytes), mac(key, payload)) ? payload : null;
}

/** A UUID's 16 bytes written into `target` at `offset`; `what` names it when it is not one ("a survey id"). */
export function writeUuid(uuid: string, target: Buffer, offset: number, what: string): void {
  if (!UUID.test(uuid)) throw new Error(`not ${what}: ${uuid}`);
  Buffer.from(uuid.replace(/-/g, ''), 'hex').copy(target, offset);
}

/** The UUID of the 16 bytes at `offset`. */
export function readUuid(source: Buffer, offset: number): string {
  const hex = source.subarray(offset, offset + 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function mac(key: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}
