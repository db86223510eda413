import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { databaseUrl, newTestDatabaseName, TEST_REDIS_URL } from '../support/test-database.js';

const MAIN = 'dist/apps/api/src/main.js';

/** Runs the built server as an operator would and collects what it prints until it exits. */
function runServer(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm test does)`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', HTTP_PORT: '0', SMTP_PORT: '0', LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('start-up when a service is missing', () => {
  it('stops with one line naming Redis when Redis cannot be reached', async () => {
    const result = await runServer({ DATABASE_URL: databaseUrl(newTestDatabaseName()), REDIS_URL: 'redis://127.0.0.1:1' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Okienko cannot start: Cannot reach Redis at redis:\/\/127\.0\.0\.1:1 \(ECONNREFUSED\): start Redis .* or set REDIS_URL\.$/),
    ]);
  }, 20_000);

  it('stops with one line naming PostgreSQL when the database server cannot be reached', async () => {
    const result = await runServer({ DATABASE_URL: 'postgres://okienko:secret@127.0.0.1:1/okienko', REDIS_URL: TEST_REDIS_URL });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Okienko cannot start: Cannot reach PostgreSQL at postgres:\/\/okienko:\*\*\*@127\.0\.0\.1:1\/okienko \(ECONNREFUSED\): .*DATABASE_URL/),
    ]);
  }, 20_000);

  it('stops with one line naming the variable when the configuration is wrong', async () => {
    const result = await runServer({ HTTP_PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Okienko cannot start: configuration HTTP_PORT: must be a whole number, got "eighty"');
  }, 20_000);
});
