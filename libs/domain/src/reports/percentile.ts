/**
 * The p-th percentile (0–1) of the values with linear interpolation between
 * the closest ranks, as PostgreSQL's `percentile_cont` computes it; null for
 * no values. Reports compute percentiles in the database; this is the same
 * definition for figures computed in memory.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be between 0 and 1, got ${p}`);
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}
