import { createHash, randomBytes } from 'node:crypto';
import { deriveTokenKey, openSignedPayload, readUuid, signPayload, writeUuid } from '../../core/secrets/signed-token.js';

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

export interface FormTokenClaims {
  channelId: string;
  issuedAt: Date;
  /** Zero bits SHA-256 of `token + nonce` must start with. */
  difficulty: number;
}

/** The key form tokens are signed with, derived from the installation's secret. */
export function deriveFormKey(installationSecret: string): Buffer {
  return deriveTokenKey(installationSecret, 'okienko/form-token/v1');
}

export function signFormToken(key: Buffer, channelId: string, issuedAt: Date, difficulty: number): string {
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  writeUuid(channelId, payload, 0, 'a channel id');
  payload.writeUIntBE(issuedAt.getTime(), ID_BYTES, TIME_BYTES);
  payload.writeUInt8(difficulty, ID_BYTES + TIME_BYTES);
  randomBytes(RANDOM_BYTES).copy(payload, ID_BYTES + TIME_BYTES + DIFFICULTY_BYTES);
  return signPayload(key, payload);
}

/** What a token Okienko signed says; null for anything else. */
export function readFormToken(key: Buffer, token: unknown): FormTokenClaims | null {
  const payload = openSignedPayload(key, token, PAYLOAD_BYTES);
  if (!payload) return null;
  return {
    channelId: readUuid(payload, 0),
    issuedAt: new Date(payload.readUIntBE(ID_BYTES, TIME_BYTES)),
    difficulty: payload.readUInt8(ID_BYTES + TIME_BYTES),
  };
}

/** SHA-256 of `token + nonce`: what the proof of work is checked on. */
export function proofDigest(token: string, nonce: string): Buffer {
  return createHash('sha256').update(token + nonce, 'utf8').digest();
}
