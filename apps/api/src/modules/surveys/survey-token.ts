import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The token in a survey link: the survey's id (16 bytes) and the link's expiry
 * (Unix seconds, 4 bytes), followed by their HMAC-SHA256 (32 bytes), all
 * base64url — 70 characters. Nothing is stored to check it: the signature
 * proves Okienko wrote it, the expiry inside says until when it holds.
 */
const ID_BYTES = 16;
const EXPIRY_BYTES = 4;
const PAYLOAD_BYTES = ID_BYTES + EXPIRY_BYTES;
const MAC_BYTES = 32;
const TOKEN_CHARS = Math.ceil(((PAYLOAD_BYTES + MAC_BYTES) * 8) / 6);
const TOKEN_SHAPE = new RegExp(`^[A-Za-z0-9_-]{${TOKEN_CHARS}}$`);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a valid token says. `expiresAt` may be in the past: the caller decides what an expired link gets. */
export interface SurveyTokenClaims {
  surveyId: string;
  expiresAt: Date;
}

/** The key survey links are signed with, derived from the installation's secret (never the secret itself). */
export function deriveSurveyKey(installationSecret: string): Buffer {
  if (installationSecret.length === 0) throw new Error('the installation secret is empty');
  return createHmac('sha256', installationSecret).update('okienko/survey-link/v1').digest();
}

/** The expiry as a token carries it: whole seconds (earlier fractions are cut off). */
export function tokenExpiry(expiresAt: Date): Date {
  return new Date(Math.floor(expiresAt.getTime() / 1000) * 1000);
}

export function signSurveyToken(key: Buffer, surveyId: string, expiresAt: Date): string {
  if (!UUID.test(surveyId)) throw new Error(`not a survey id: ${surveyId}`);
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff) throw new Error('the expiry cannot be put in a token');
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  Buffer.from(surveyId.replace(/-/g, ''), 'hex').copy(payload, 0);
  payload.writeUInt32BE(seconds, ID_BYTES);
  return Buffer.concat([payload, mac(key, payload)]).toString('base64url');
}

/** The claims of a token Okienko signed with `key`; null for anything else (malformed, altered, another key). */
export function readSurveyToken(key: Buffer, token: unknown): SurveyTokenClaims | null {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  // One spelling per token: a variant of the last character that decodes to the same bytes is refused too.
  if (bytes.length !== PAYLOAD_BYTES + MAC_BYTES || bytes.toString('base64url') !== token) return null;
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), mac(key, payload))) return null;
  const hex = payload.subarray(0, ID_BYTES).toString('hex');
  return {
    surveyId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    expiresAt: new Date(payload.readUInt32BE(ID_BYTES) * 1000),
  };
}

function mac(key: Buffer, payload: Buffer): Buffer {
  return createHmac('sha256', key).update(payload).digest();
}
