import { deriveTokenKey, openSignedPayload, readUuid, signPayload, writeUuid } from '../../core/secrets/signed-token.js';

/**
 * The token in a survey link: the survey's id (16 bytes) and the link's expiry
 * (Unix seconds, 4 bytes), followed by their HMAC-SHA256 (32 bytes), all
 * base64url — 70 characters. Nothing is stored to check it: the signature
 * proves Okienko wrote it, the expiry inside says until when it holds.
 */
const ID_BYTES = 16;
const EXPIRY_BYTES = 4;
const PAYLOAD_BYTES = ID_BYTES + EXPIRY_BYTES;

/** What a valid token says. `expiresAt` may be in the past: the caller decides what an expired link gets. */
export interface SurveyTokenClaims {
  surveyId: string;
  expiresAt: Date;
}

/** The key survey links are signed with, derived from the installation's secret (never the secret itself). */
export function deriveSurveyKey(installationSecret: string): Buffer {
  return deriveTokenKey(installationSecret, 'okienko/survey-link/v1');
}

/** The expiry as a token carries it: whole seconds (earlier fractions are cut off). */
export function tokenExpiry(expiresAt: Date): Date {
  return new Date(Math.floor(expiresAt.getTime() / 1000) * 1000);
}

export function signSurveyToken(key: Buffer, surveyId: string, expiresAt: Date): string {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff) throw new Error('the expiry cannot be put in a token');
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  writeUuid(surveyId, payload, 0, 'a survey id');
  payload.writeUInt32BE(seconds, ID_BYTES);
  return signPayload(key, payload);
}

/** The claims of a token Okienko signed with `key`; null for anything else (malformed, altered, another key). */
export function readSurveyToken(key: Buffer, token: unknown): SurveyTokenClaims | null {
  const payload = openSignedPayload(key, token, PAYLOAD_BYTES);
  if (!payload) return null;
  return { surveyId: readUuid(payload, 0), expiresAt: new Date(payload.readUInt32BE(ID_BYTES) * 1000) };
}
