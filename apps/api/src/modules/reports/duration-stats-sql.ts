import { hasTicketFilters, type ReportParams } from './report-params.js';
import { bucketSql, inRangeSql, type SqlParams, ticketFiltersSql } from './report-sql.js';

/** The percentiles every duration figure gives, as PostgreSQL's `percentile_cont` (linear interpolation). */
const PERCENTILES = [0.5, 0.9] as const;

/**
 * The overall percentile searches stop once the values between their bounds
 * are this few; those are then sorted to pick the exact ones.
 */
const SEARCH_WINDOW = 512;

/**
 * `percentile_cont(p)` of a sorted float8 array of `n` values, with exactly
 * the arithmetic PostgreSQL uses: rows floor and ceil of p·(n−1), and
 * lo + (p·(n−1) − floor) · (hi − lo) between them.
 */
function percentileOfSortedSql(sorted: string, n: string, p: number): string {
  const at = `(${p}::float8 * (${n} - 1)::float8)`;
  return `CASE WHEN ${n} > 0 THEN ${sorted}[floor(${at})::int + 1] + ((${at} - floor(${at})) * (${sorted}[ceil(${at})::int + 1] - ${sorted}[floor(${at})::int + 1])) END`;
}

/**
 * Per bucket with tickets (`bucket`: its number), the sums and the sorted
 * arrays of the values. Without filters each bucket reads its own part of the
 * index on `at` (no bucket arithmetic per row, no sort by bucket); with
 * filters, one scan that the planner may serve from the filters' indexes,
 * grouped by bucket (the filtered rows are few, so their sort is cheap).
 */
function perBucketSql(at: string, values: string, sorted: string, p: ReportParams, sql: SqlParams): string {
  if (hasTicketFilters(p.filters)) {
    return `
      SELECT d.bucket, ${sorted}
        FROM (SELECT ${bucketSql(`t.${at}`, p, sql)} AS bucket, ${values}
                FROM tickets t WHERE ${inRangeSql(`t.${at}`, p, sql)}${ticketFiltersSql(p.filters, sql)}) d
       GROUP BY 1`;
  }
  const starts = sql.add(p.buckets.map((b) => b.start.toISOString()));
  const ends = sql.add(p.buckets.map((b) => b.end.toISOString()));
  return `
      SELECT i AS bucket, s.*
        FROM generate_series(1, cardinality(${starts}::timestamptz[])) i
       CROSS JOIN LATERAL (
         SELECT ${sorted}
           FROM (SELECT ${values} FROM tickets t WHERE t.${at} >= (${starts}::timestamptz[])[i] AND t.${at} < (${ends}::timestamptz[])[i]) d) s
       WHERE s.c_sorted IS NOT NULL`;
}

/**
 * One statement giving, per bucket and overall (bucket null), the count,
 * mean, median and 90th percentile (as `percentile_cont`) and maximum of the
 * calendar seconds from creation to `at` and of the stored business seconds,
 * of the tickets whose `at` falls in the range. Rows:
 * `bucket, c_count, c_mean, c_pct [median, p90], c_max, b_count, b_mean, b_pct, b_max`
 * (buckets without tickets are left out).
 *
 * The answers are those of `percentile_cont` over all the values, without
 * sorting a year of them (the sort was the cost):
 * 1. per bucket, the values are sorted within the bucket (a day is about a
 *    thousand values: cheap sorts) into arrays (see `perBucketSql`); the
 *    bucket's figures are read from its arrays;
 * 2. the overall value at rank k is found by narrowing an interval (lo, hi]
 *    whose number of values at or below each bound is known: the count of
 *    values at or below a candidate is the sum over the buckets of a binary
 *    search in each sorted array (`width_bucket`), the candidate is
 *    interpolated from those counts (bisection every other step, so it always
 *    converges), and once at most SEARCH_WINDOW values lie in the interval,
 *    they are taken from the arrays' slices and sorted to pick ranks k and
 *    k + 1 exactly.
 */
export function durationStatsSql(at: string, business: string, p: ReportParams, sql: SqlParams): string {
  const values = `date_part('epoch', t.${at} - t.created_at) AS c, t.${business}::float8 AS b`;
  const sortedPerBucket = `sum(d.c) AS c_sum, array_agg(d.c ORDER BY d.c) AS c_sorted,
                           sum(d.b) AS b_sum, array_agg(d.b ORDER BY d.b) FILTER (WHERE d.b IS NOT NULL) AS b_sorted`;
  const pct = (sorted: string, n: string) => `ARRAY[${PERCENTILES.map((q) => percentileOfSortedSql(sorted, n, q)).join(', ')}]`;
  const overallPct = (m: 'c' | 'b') =>
    `ARRAY[${PERCENTILES.map((q) => `(SELECT v FROM picked WHERE m = '${m}' AND q = ${q}::float8)`).join(', ')}]`;
  return `
    WITH RECURSIVE per_bucket AS MATERIALIZED (${perBucketSql(at, values, sortedPerBucket, p, sql)}),
    measures AS (
      SELECT 'c' AS m, coalesce(sum(cardinality(c_sorted)), 0)::bigint AS n, sum(c_sum) AS total,
             min(c_sorted[1]) AS lo, max(c_sorted[cardinality(c_sorted)]) AS hi FROM per_bucket
      UNION ALL
      SELECT 'b', coalesce(sum(cardinality(b_sorted)), 0)::bigint, sum(b_sum),
             min(b_sorted[1]), max(b_sorted[cardinality(b_sorted)]) FROM per_bucket),
    search AS (
      SELECT m.m, q.q, floor(q.q * (m.n - 1)::float8)::bigint AS k0, ceil(q.q * (m.n - 1)::float8)::bigint AS k1,
             m.lo - 1 AS lo, m.hi, 0::bigint AS below, m.n AS upto, 0 AS step
        FROM measures m CROSS JOIN (VALUES ${PERCENTILES.map((q) => `(${q}::float8)`).join(', ')}) q(q)
       WHERE m.n > 0
      UNION ALL
      SELECT s.m, s.q, s.k0, s.k1,
             CASE WHEN x.upto > s.k1 THEN s.lo ELSE x.mid END, CASE WHEN x.upto > s.k1 THEN x.mid ELSE s.hi END,
             CASE WHEN x.upto > s.k1 THEN s.below ELSE x.upto END, CASE WHEN x.upto > s.k1 THEN x.upto ELSE s.upto END,
             s.step + 1
        FROM search s
       CROSS JOIN LATERAL (
         SELECT h.mid, (SELECT sum(width_bucket(h.mid, CASE s.m WHEN 'c' THEN pb.c_sorted ELSE pb.b_sorted END))::bigint FROM per_bucket pb) AS upto
           FROM (SELECT CASE WHEN s.step % 2 = 0
                             THEN s.lo + (s.hi - s.lo) * least(0.97, greatest(0.03, (s.k0 + 0.5 - s.below)::float8 / (s.upto - s.below)))
                             ELSE s.lo + (s.hi - s.lo) / 2 END AS mid) h
         OFFSET 0) x
       WHERE s.upto - s.below > ${SEARCH_WINDOW} AND x.mid > s.lo AND x.mid < s.hi AND (x.upto > s.k1 OR x.upto <= s.k0) AND s.step < 200),
    found AS (SELECT DISTINCT ON (m, q) * FROM search ORDER BY m, q, step DESC),
    windows AS (
      SELECT w.m, w.q, w.k0, w.k1, w.below, array_agg(w.v ORDER BY w.v) AS v
        FROM (SELECT f.m, f.q, f.k0, f.k1, f.below, unnest(a.a[width_bucket(f.lo, a.a) + 1 : width_bucket(f.hi, a.a)]) AS v
                FROM found f CROSS JOIN per_bucket pb
               CROSS JOIN LATERAL (SELECT CASE f.m WHEN 'c' THEN pb.c_sorted ELSE pb.b_sorted END AS a OFFSET 0) a) w
       GROUP BY 1, 2, 3, 4, 5),
    picked AS (
      SELECT m, q, v[k0 - below + 1] + ((q * (n - 1)::float8 - floor(q * (n - 1)::float8)) * (v[k1 - below + 1] - v[k0 - below + 1])) AS v
        FROM windows JOIN measures USING (m))
    SELECT pb.bucket,
           cardinality(pb.c_sorted) AS c_count, pb.c_sum / cardinality(pb.c_sorted) AS c_mean,
           ${pct('pb.c_sorted', 'cardinality(pb.c_sorted)')} AS c_pct, pb.c_sorted[cardinality(pb.c_sorted)] AS c_max,
           coalesce(cardinality(pb.b_sorted), 0) AS b_count, pb.b_sum / cardinality(pb.b_sorted) AS b_mean,
           CASE WHEN pb.b_sorted IS NOT NULL THEN ${pct('pb.b_sorted', 'cardinality(pb.b_sorted)')} END AS b_pct,
           pb.b_sorted[cardinality(pb.b_sorted)] AS b_max
      FROM per_bucket pb
    UNION ALL
    SELECT NULL, c.n::int, c.total / nullif(c.n, 0), CASE WHEN c.n > 0 THEN ${overallPct('c')} END, c.hi,
           b.n::int, b.total / nullif(b.n, 0), CASE WHEN b.n > 0 THEN ${overallPct('b')} END, b.hi
      FROM measures c, measures b WHERE c.m = 'c' AND b.m = 'b'`;
}
