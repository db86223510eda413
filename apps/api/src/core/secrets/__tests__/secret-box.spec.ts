import { SecretBox } from '../secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox('a'.repeat(32));

  it('decrypts what it encrypted, and never stores the plaintext', () => {
    const stored = box.encrypt('cs_secret_value');
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain('cs_secret_value');
    expect(box.decrypt(stored)).toBe('cs_secret_value');
    expect(box.decryptJson(box.encryptJson({ token: 'x', n: 1 }))).toEqual({ token: 'x', n: 1 });
  });

  it('gives each encryption its own nonce', () => {
    expect(box.encrypt('same')).not.toBe(box.encrypt('same'));
  });

  it('refuses a value encrypted with another key or changed', () => {
    const stored = box.encrypt('secret');
    expect(() => new SecretBox('b'.repeat(32)).decrypt(stored)).toThrow();
    const [nonce, body, tag] = stored.slice(3).split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.decrypt(`v1:${nonce}.${flipped.toString('base64url')}.${tag}`)).toThrow();
    expect(() => box.decrypt('plain')).toThrow();
  });

  it('refuses a short key', () => {
    expect(() => new SecretBox('short')).toThrow(/32 characters/);
  });
});
