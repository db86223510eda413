import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** What every encrypted value starts with: the scheme, so a later scheme can be told apart. */
const PREFIX = 'v1:';

/**
 * Encrypts and decrypts secrets kept in the database (shop credentials, signing
 * secrets) with AES-256-GCM. The key is derived from `SECRETS_KEY` (any text of
 * at least 32 characters) by SHA-256; each value gets its own random 12-byte
 * nonce and carries its 16-byte tag, so a changed or foreign value is refused.
 * Stored form: `v1:<base64url nonce>.<base64url ciphertext>.<base64url tag>`.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('The secrets key must be at least 32 characters long');
    this.key = createHash('sha256').update(`okienko-secrets:${secret}`).digest();
  }

  encrypt(plaintext: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${PREFIX}${nonce.toString('base64url')}.${body.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}`;
  }

  /** The plaintext; throws when the value was not encrypted with this key or was changed. */
  decrypt(stored: string): string {
    if (!stored.startsWith(PREFIX)) throw new Error('Not an encrypted secret');
    const [nonce, body, tag] = stored.slice(PREFIX.length).split('.').map((part) => Buffer.from(part ?? '', 'base64url'));
    if (!nonce || nonce.length !== 12 || !body || !tag || tag.length !== 16) throw new Error('Not an encrypted secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  }

  /** A JSON value, encrypted. */
  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }

  decryptJson<T>(stored: string): T {
    return JSON.parse(this.decrypt(stored)) as T;
  }
}
