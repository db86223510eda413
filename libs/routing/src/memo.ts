const MEMO_ENTRIES = 64;

/**
 * `compute(key)` through a small bounded memo (oldest entry dropped first). The
 * functions using it stay pure; they only stop redoing work for the same text.
 */
export function memoized<T>(memo: Map<string, T>, key: string, compute: (key: string) => T): T {
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const value = compute(key);
  if (memo.size >= MEMO_ENTRIES) memo.delete(memo.keys().next().value as string);
  memo.set(key, value);
  return value;
}
