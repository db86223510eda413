import { hash, verify } from '@node-rs/argon2';

/** Argon2id password hashes (the library's defaults follow OWASP's recommendation). */
export const passwordHasher = {
  hash: (password: string): Promise<string> => hash(password),
  verify: (passwordHash: string, password: string): Promise<boolean> => verify(passwordHash, password).catch(() => false),
};
