/**
 * The proof of work of a form submission: a `nonce` such that SHA-256 of
 * `token + nonce` (UTF-8) starts with `difficulty` zero bits. Checking costs
 * one hash; finding one costs about 2^difficulty.
 */

/** How many zero bits a digest starts with. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Whether a digest meets the difficulty. */
export function meetsDifficulty(digest: Uint8Array, difficulty: number): boolean {
  return leadingZeroBits(digest) >= difficulty;
}

/**
 * The difficulty for a form that took `recentSubmissions` in the last minute:
 * the base while traffic is normal, one more bit for each `step` beyond that
 * (each bit doubles the browser's work), never more than `max`.
 */
export function adaptiveDifficulty(base: number, recentSubmissions: number, step: number, max: number): number {
  const extra = recentSubmissions <= step ? 0 : Math.floor(Math.log2(recentSubmissions / step)) + 1;
  return Math.min(max, base + extra);
}
