/**
 * `npm run bench:smtp-oversize`: what an oversized mail costs the SMTP listener's memory.
 *
 * Runs the built product as its own process (roles api and smtp, fresh
 * database `okienko_bench_oversize`, the default SMTP_MAX_SIZE of 25 MB unless
 * set) and sends it, without SIZE, a mail of BENCH_OVERSIZE_MB megabytes (300
 * by default). Prints the reply (552 expected), the product's RSS before,
 * at most while the mail streams in, and after, and the time the transfer
 * took. A listener that keeps such a mail grows by about its size; one that
 * drops what is over the limit stays within a few MB.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import { BENCH_SERVER_URL, benchDatabaseUrl } from './bench-database.js';

const DATABASE = 'okienko_bench_oversize';
const MEGABYTES = Number(process.env.BENCH_OVERSIZE_MB ?? 300);
const HTTP_PORT = 3421;
const SMTP_PORT = 2621;
const ADDRESS = 'biuro@bench.okienko.test';

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

async function startProduct(): Promise<ChildProcess> {
  const admin = new pg.Client({ connectionString: BENCH_SERVER_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end();
  const child = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      OKIENKO_ROLES: 'api,smtp',
      DATABASE_URL: benchDatabaseUrl(DATABASE),
      HTTP_PORT: String(HTTP_PORT),
      HTTP_HOST: '127.0.0.1',
      SMTP_PORT: String(SMTP_PORT),
      SMTP_HOST: '127.0.0.1',
      ADMIN_EMAIL: 'admin@bench.test',
      ADMIN_PASSWORD: 'bench-password-oversize',
      REDIS_PREFIX: `okienko-bench-oversize-${process.pid}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 300; i++) {
    if (await fetch(`http://127.0.0.1:${HTTP_PORT}/api/health`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error('the product did not start');
}

/** One SMTP session sending `megabytes` MB of body without SIZE; answers the reply to the final dot. */
async function sendOversized(megabytes: number): Promise<string> {
  const socket = net.connect(SMTP_PORT, '127.0.0.1');
  let received = '';
  const reply = () =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = /^(\d{3}) .*\r\n/m.exec(received);
        if (!match) return;
        received = received.slice(match.index + match[0].length);
        socket.off('data', onData);
        resolve(match[0].trim());
      };
      const onData = (chunk: Buffer) => {
        received += chunk.toString('latin1');
        check();
      };
      socket.on('data', onData);
      socket.once('error', reject);
      check();
    });
  await reply();
  for (const command of ['EHLO bench.example', 'MAIL FROM:<bench@example.com>', `RCPT TO:<${ADDRESS}>`, 'DATA']) {
    socket.write(`${command}\r\n`);
    await reply();
  }
  socket.write('Subject: oversized\r\n\r\n');
  const line = Buffer.from(`${'x'.repeat(998)}\r\n`);
  const megabyte = Buffer.concat(Array.from({ length: 1024 }, () => line));
  for (let i = 0; i < megabytes; i++) {
    if (!socket.write(megabyte)) await new Promise((r) => socket.once('drain', r));
  }
  socket.write('.\r\n');
  const answer = await reply();
  socket.end('QUIT\r\n');
  return answer;
}

async function main(): Promise<void> {
  const product = await startProduct();
  try {
    const base = `http://127.0.0.1:${HTTP_PORT}/api/v1`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@bench.test', password: 'bench-password-oversize' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const created = await fetch(`${base}/inbound-addresses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ address: ADDRESS, autoAcknowledge: false }),
    });
    if (created.status !== 201) throw new Error(`creating the inbound address answered ${created.status}`);

    const pid = product.pid!;
    const before = rssMb(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
    const started = Date.now();
    const answer = await sendOversized(MEGABYTES);
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 1000));
    const after = rssMb(pid);
    console.log(`| ${MEGABYTES} MB DATA without SIZE | ${answer} |`);
    console.log(`| product RSS before / max / 1 s after, MB | ${before.toFixed(0)} / ${peak.toFixed(0)} / ${after.toFixed(0)} (max growth ${(peak - before).toFixed(1)} MB) |`);
    console.log(`| transfer | ${seconds.toFixed(1)} s (${(MEGABYTES / seconds).toFixed(0)} MB/s) |`);
  } finally {
    product.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
