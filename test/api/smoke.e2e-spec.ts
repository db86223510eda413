import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { migrations } from '@okienko/migrations';
import pg from 'pg';
import request from 'supertest';
import { startProduct, type TestProduct } from '../support/start-product.js';

describe('smoke', () => {
  let product: TestProduct;
  beforeAll(async () => {
    // As on a fresh server: the database does not exist yet (other suites start on a copy of a migrated one).
    product = await startProduct({}, { emptyDatabase: true });
  }, 60_000);
  afterAll(async () => {
    await product?.close();
  });

  it('answers health', async () => {
    const res = await request(product.baseUrl).get('/api/health');
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('created its database and applied every migration at start', async () => {
    const db = new pg.Client({ connectionString: product.databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ name: string }>('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((row) => row.name).sort()).toEqual(migrations.map((m) => m.name).sort());
    } finally {
      await db.end();
    }
  });
});
