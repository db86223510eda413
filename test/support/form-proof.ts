import { createHash } from 'node:crypto';

/**
 * A nonce such that SHA-256 of token + nonce starts with `difficulty` zero
 * bits: the proof of work a form's embed script finds in the browser, written
 * here on its own (not with the product's check) so the tests hold the server
 * to the rule, not to itself.
 */
export function solveFormProof(token: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    const digest = createHash('sha256').update(token + nonce).digest();
    let bits = 0;
    for (const byte of digest) {
      if (byte === 0) {
        bits += 8;
        continue;
      }
      bits += Math.clz32(byte) - 24;
      break;
    }
    if (bits >= difficulty) return String(nonce);
  }
}
