import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from '@jest/globals';
import { databaseUrl, newTestDatabaseName, TEST_REDIS_URL } from '../support/test-database.js';

const MAIN = 'dist/apps/api/src/main.js';

/**
 * Queues of its own for each server (named after the run, so the global teardown removes them): a worker must not
 * pick up jobs of another installation sharing this Redis, such as a benchmark or another test run.
 */
function ownRedisPrefix(): string {
  return newTestDatabaseName();
}

/** Runs the built server as an operator would and collects what it prints until it exits. */
function runServer(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: build first (npm test does)`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', HTTP_PORT: '0', SMTP_PORT: '0', LOG_LEVEL: 'error', REDIS_PREFIX: ownRedisPrefix(), ...env },
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

  it('stops with one line naming ADMIN_PASSWORD when the first admin would get a common password', async () => {
    const result = await runServer({ DATABASE_URL: databaseUrl(newTestDatabaseName()), REDIS_URL: TEST_REDIS_URL, ADMIN_PASSWORD: 'Zaq12wsx' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'Okienko cannot start: configuration ADMIN_PASSWORD: is one of the most common passwords; choose another',
    );
  }, 30_000);

  it('stops with one line naming the variable when the configuration is wrong', async () => {
    const result = await runServer({ HTTP_PORT: 'eighty' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('Okienko cannot start: configuration HTTP_PORT: must be a whole number, got "eighty"');
  }, 20_000);
});

/** The nice value of each thread of a running process (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceness(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => Number(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]));
}

/** Starts the built server with these roles, waits until it says it runs, answers each thread's nice value, stops it. */
async function nicenessOfRunningServer(env: Record<string, string>): Promise<{ niceness: number[]; stdout: string }> {
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH ?? '', HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', SMTP_PORT: '0', SMTP_HOST: '127.0.0.1', LOG_LEVEL: 'log',
      DATABASE_URL: databaseUrl(newTestDatabaseName()), REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: ownRedisPrefix(), ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (stdout.includes('Okienko running')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the server ended with ${code} before it ran: ${stdout}`)));
    });
    // The line about the priority follows the "running" line.
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { niceness: threadNiceness(child.pid!), stdout };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await ended;
    }
  }
}

describe('CPU priority of the roles', () => {
  // Children start at this process's nice value (0 unless the tests themselves run lowered).
  const inherited = os.getPriority();

  it('a process running only the worker lowers the priority of every thread it has, and says so', async () => {
    const worker = await nicenessOfRunningServer({ OKIENKO_ROLES: 'worker' });
    expect(worker.niceness.length).toBeGreaterThan(1);
    expect(worker.niceness.every((n) => n === Math.max(inherited, 10))).toBe(true);
    expect(worker.stdout).toContain('Worker at lower CPU priority (nice 10)');
  }, 60_000);

  it('the listener and the API keep their priority; WORKER_NICENESS=0 leaves a worker at its own', async () => {
    const listener = await nicenessOfRunningServer({ OKIENKO_ROLES: 'api,smtp' });
    expect(listener.niceness.every((n) => n === inherited)).toBe(true);
    const worker = await nicenessOfRunningServer({ OKIENKO_ROLES: 'worker', WORKER_NICENESS: '0' });
    expect(worker.niceness.every((n) => n === inherited)).toBe(true);
    expect(worker.stdout).not.toContain('lower CPU priority');
  }, 60_000);
});
