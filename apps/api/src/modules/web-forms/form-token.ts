import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The token a form's definition carries: the form's channel id (16 bytes),
 * when it was issued (milliseconds, 6 bytes), the proof of work's difficulty
 * (1 byte) and 8 random bytes, then their HMAC-SHA256 (32 bytes), all
 * base64url (84 characters). Nothing is stored to
 * issue it; a used token is remembered (Redis) until it would expire anyway.
 */
const ID_BYTES = 16;
const TIME_BYTES = 6;
const DIFFICULTY_BYTES = 1;
const RANDOM_BYTES = 8;
const PAYLOAD_BYTES = ID_BYTES + TIME_BYTES + DIFFICULTY_BYTES + RANDOM_BYTES;
const MAC_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{84}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface FormTokenClaims {
  channelId: string;
  issuedAt: Date;
  /** Zero bits SHA-256 of `token + nonce` must start with. */
  difficulty: number;
}

/** The key form tokens are signed with, derived from the installation's secret. */
export function deriveFormKey(installationSecret: string): Buffer {
  if (!installationSecret) throw new Error('the installation secret is empty');
  return createHmac('sha256', installationSecret).update('okienko/form-token/v1').digest();
}

export function signFormToken(key: Buffer, channelId: string, issuedAt: Date, difficulty: number): string {
  if (!UUID.test(channelId)) throw new Error(`not a channel id: ${channelId}`);
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  Buffer.from(channelId.replace(/-/g, ''), 'hex').copy(payload, 0);
  payload.writeUIntBE(issuedAt.getTime(), ID_BYTES, TIME_BYTES);
  payload.writeUInt8(difficulty, ID_BYTES + TIME_BYTES);
  randomBytes(RANDOM_BYTES).copy(payload, ID_BYTES + TIME_BYTES + DIFFICULTY_BYTES);
  return Buffer.concat([payload, mac(key, payload)]).toString('base64url');
}

/** What a token Okienko signed says; null for anything else. */
export function readFormToken(key: Buffer, token: unknown): FormTokenClaims | null {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== PAYLOAD_BYTES + MAC_BYTES || bytes.toString('base64url') !== token) return null;
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), mac(key, payload))) return null;
  const hex = payload.subarray(0, ID_BYTES).toString('hex');
  return {
    channelId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    issuedAt: new Date(payload.readUIntBE(ID_BYTES, TIME_BYTES)),
    difficulty: payload.readUInt8(ID_BYTES + TIME_BYTES),
  };
}

/** SHA-256 of `token + nonce`: what the proof of work is checked on. */
export function proofDigest(token: string, nonce: string): Buffer {
  return createHash('sha256').update(token + nonce, 'utf8').digest();
}

function mac(key: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}
