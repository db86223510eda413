import type pg from 'pg';

// What two products that filed the same messages on different paths stored,
// made comparable: ids are replaced by what they name (each database has ids
// of its own), timestamps by their offset from the ticket's creation (the two
// products file at different moments), and the listed columns by what they
// are (a moment of the database's clock, a random token).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Per table, the columns replaced by a marker (why is said where the rules are made). */
export type ColumnRules = Record<string, Record<string, (value: unknown, createdAt: number) => unknown>>;

/** A column written by the database's clock, which the two paths read at different points of their writes. */
export const writtenAt = (value: unknown): unknown => (value === null ? null : '<written at>');

/** What each id of the database names: the configuration's rows by name, `extra` for the rows of the test's own. */
export async function idNames(db: pg.Client, extra = ''): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; name: string }>(`
    SELECT id::text, 'queue:' || slug AS name FROM queues
    UNION ALL SELECT id::text, 'category:' || slug FROM categories
    UNION ALL SELECT id::text, 'sla_policy:' || name FROM sla_policies
    UNION ALL SELECT id::text, 'calendar:' || name FROM calendars
    UNION ALL SELECT id::text, 'channel:' || name FROM channels
    UNION ALL SELECT id::text, 'rule:' || name FROM rules
    UNION ALL SELECT id::text, 'user:' || email FROM users
    UNION ALL SELECT id::text, 'customer:' || coalesce(email, name, '') FROM customers
    UNION ALL SELECT id::text, 'identity:' || kind || ':' || value FROM customer_identities
    UNION ALL SELECT id::text, 'ticket:' || number FROM tickets
    ${extra}`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The rows of one table with ids named, times as offsets from `createdAt` (ms), and the rules' columns replaced. */
export function normalisedRows(table: string, rows: readonly Record<string, unknown>[], createdAt: number, names: Map<string, string>, rules: ColumnRules): unknown[] {
  const value = (v: unknown): unknown => {
    if (typeof v === 'string' && UUID.test(v)) {
      const name = names.get(v);
      if (!name) throw new Error(`an id that names nothing known: ${v}`);
      return name;
    }
    if (typeof v === 'string' && TIMESTAMP.test(v)) {
      const offset = new Date(v).getTime() - createdAt;
      return `created_at${offset >= 0 ? '+' : ''}${offset}ms`;
    }
    if (Array.isArray(v)) return v.map(value);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, value(x)]));
    return v;
  };
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, rules[table]?.[k] ? rules[table][k](v, createdAt) : value(v)])));
}

/**
 * The ticket's last change: the general path writes the ticket, then the
 * automations change it in the same transaction, stamped with the
 * transaction's time by the database clock (a few ms off the ticket's
 * creation, either way). Compared as "within a second of created_at".
 */
export const changedWithCreation = (value: unknown, createdAt: number): unknown =>
  value !== null && Math.abs(new Date(value as string).getTime() - createdAt) < 1000 ? 'within a second of created_at' : value;

/** How the message's words reached the ticket's search vector (with the ticket on the one statement, by a trigger otherwise): the vector itself is compared. */
export const pathMarker = (): unknown => '<path>';
