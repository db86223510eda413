import type { DataSource, EntityManager } from 'typeorm';

export interface NewestCountOptions {
  /** Counted no further than one past this (the list's exact-total limit). */
  cap: number;
  /** How many of the newest tickets are looked through. */
  window: number;
  /** The share of all tickets from which the planner's expected matches count as common. */
  commonShare: number;
  /**
   * Fewer tickets than this: the search index counts (at 100,000 tickets it lists a common word's 40,000 matches
   * about as fast as the window finds 10,001 of them).
   */
  minTickets: number;
}

export const NEWEST_COUNT_DEFAULTS: Omit<NewestCountOptions, 'cap'> = { window: 50_000, commonShare: 0.25, minTickets: 200_000 };

/** How long the number of tickets (PostgreSQL's own estimate) is kept. */
const TICKET_COUNT_MS = 60_000;

const ticketCounts = new WeakMap<DataSource, { value: number; until: number }>();

/**
 * A search for a common word ("zwrot" in four tickets of ten) is counted in
 * the list's own order, among the newest tickets: it finds more than `cap`
 * matches within a few tens of thousands of tickets, where the search index
 * would list every one of its hundreds of thousands of matches first (about
 * 85 ms at a million tickets). Tried only when the planner, which knows the
 * frequent words from its statistics, expects the matches in a large share
 * of the tickets; it proves "more than `cap`" by finding them, so a wrong
 * guess (two common words that never meet) costs one look through the
 * window and never a wrong total. Answers the count when it is above `cap`,
 * else null (the caller counts exactly).
 *
 * `matchSql` is the filter's `SELECT … FROM "tickets" "t" WHERE …`; it is
 * run over the newest tickets in place of the whole table. Runs inside the
 * caller's transaction, which counts with index scans off (the search's
 * count): they are on for the look through the window, and off again after.
 */
export async function countAmongNewest(
  manager: EntityManager,
  matchSql: string,
  parameters: unknown[],
  options: Pick<NewestCountOptions, 'cap'> & Partial<NewestCountOptions>,
): Promise<number | null> {
  const { cap, window, commonShare, minTickets } = { ...NEWEST_COUNT_DEFAULTS, ...options };
  const tickets = await ticketsInTable(manager);
  if (tickets < minTickets) return null;
  const plan = (await manager.query(`EXPLAIN (FORMAT JSON) ${matchSql}`, parameters)) as { 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }[];
  const expected = plan[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0;
  if (expected < tickets * commonShare) return null;
  const newest = matchSql.replace(/\bFROM "tickets" "t"/, `FROM (SELECT * FROM "tickets" ORDER BY "created_at" DESC LIMIT ${Math.trunc(window)}) "t"`);
  if (newest === matchSql) return null;
  // The newest tickets come from the creation-time index, read backwards.
  await manager.query('SET LOCAL enable_indexscan = on');
  try {
    const rows: { count: string }[] = await manager.query(`SELECT count(*) AS count FROM (${newest} LIMIT ${Math.trunc(cap) + 1}) capped`, parameters);
    const count = Number(rows[0]?.count ?? 0);
    return count > cap ? count : null;
  } finally {
    await manager.query('SET LOCAL enable_indexscan = off');
  }
}

/** The number of tickets as PostgreSQL last counted them (ANALYZE, autovacuum), kept a minute per database. */
async function ticketsInTable(manager: EntityManager): Promise<number> {
  const known = ticketCounts.get(manager.connection);
  if (known && known.until > Date.now()) return known.value;
  const rows: { n: number }[] = await manager.query(`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'tickets'::regclass`);
  const value = Number(rows[0]?.n ?? 0);
  ticketCounts.set(manager.connection, { value, until: Date.now() + TICKET_COUNT_MS });
  return value;
}
