import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DataSource } from 'typeorm';
import { countAmongNewest } from '../../apps/api/src/modules/tickets/ticket-search-count.js';
import { asAdmin } from '../support/api-client.js';
import { startProductInProcess, type InProcessTestProduct } from '../support/start-product.js';

// A search for a common word is counted among the newest tickets, where its
// matches are found long before the search index has listed them all; it may
// only ever say "more than the cap" after finding that many. Run against a
// real database of 4,000 tickets with a window of 1,000 and a cap of 100 (the
// product uses 50,000 and 10,000 from 200,000 tickets up).

jest.setTimeout(120_000);

const OPTIONS = { cap: 100, window: 1_000, commonShare: 0.2, minTickets: 2_000 };
const MATCH_SQL = `SELECT 1 FROM "tickets" "t" WHERE t.search_vector @@ to_tsquery('simple', $1)`;

describe('counting a common search among the newest tickets', () => {
  let product: InProcessTestProduct;
  let dataSource: DataSource;

  /** The count in a transaction set up as the list's search sets it (index scans off until the window is read). */
  const count = (tsQuery: string) =>
    dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      await manager.query('SET LOCAL enable_indexscan = off');
      const counted = await countAmongNewest(manager, MATCH_SQL, [tsQuery], OPTIONS);
      const indexScans = ((await manager.query(`SELECT current_setting('enable_indexscan') AS value`)) as { value: string }[])[0].value;
      return { counted, indexScans };
    });

  beforeAll(async () => {
    product = await startProductInProcess();
    const admin = await asAdmin(product);
    expect((await admin.post('/customers', { email: 'seed@example.pl' })).status).toBe(201);
    dataSource = product.running.app.get(DataSource);
    // 4,000 tickets, newest first by i: "pospolity" in three of five; "alfa" in the even ones, "beta" in the odd ones
    // (each common, never together); "rzadki" in the ten oldest; and words of their own, as real tickets have (PostgreSQL
    // estimates prefix searches from its most common words only when it keeps enough of them).
    await dataSource.query(`
      INSERT INTO tickets (number, subject, status, priority, channel, customer_id, created_at, updated_at, last_inbound_at, search_vector)
      SELECT '2026-' || lpad((900000 + i)::text, 6, '0'), 'Zgłoszenie ' || i, 'open', 'normal', 'email', c.id,
             now() - i * interval '1 minute', now() - i * interval '1 minute', now() - i * interval '1 minute',
             to_tsvector('simple', concat_ws(' ', CASE WHEN i % 5 < 3 THEN 'pospolity' END,
                                                  CASE WHEN i % 2 = 0 THEN 'alfa' ELSE 'beta' END,
                                                  CASE WHEN i >= 3990 THEN 'rzadki' END,
                                                  'slowo' || (i % 997), 'inne' || (i % 773)))
        FROM generate_series(0, 3999) AS i, (SELECT id FROM customers WHERE email = 'seed@example.pl') c`);
    await dataSource.query('ANALYZE tickets');
  });

  afterAll(async () => {
    await product?.close();
  });

  it('a common word: more than the cap, found among the newest tickets', async () => {
    const { counted, indexScans } = await count('pospolity:*');
    expect(counted).toBe(OPTIONS.cap + 1);
    // The caller's setting is as it was.
    expect(indexScans).toBe('off');
  });

  it('two common words that never meet: the planner expects many, none are found, so the caller counts exactly', async () => {
    const exact = Number(((await dataSource.query(`SELECT count(*) AS n FROM tickets t WHERE t.search_vector @@ to_tsquery('simple', 'alfa & beta')`)) as { n: string }[])[0].n);
    expect(exact).toBe(0);
    expect((await count('alfa & beta')).counted).toBeNull();
  });

  it('a rare word: null (the caller counts it exactly)', async () => {
    expect((await count('rzadki:*')).counted).toBeNull();
  });

  it('nothing is guessed on a small installation', async () => {
    await dataSource.transaction(async (manager) => {
      expect(await countAmongNewest(manager, MATCH_SQL, ['pospolity:*'], { ...OPTIONS, minTickets: 10_000 })).toBeNull();
    });
  });
});
