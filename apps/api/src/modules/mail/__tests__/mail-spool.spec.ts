import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { MailSpool } from '../mail-spool.js';

// The bytes of a mail as the SMTP listener keeps them: small ones in memory,
// big ones in a temporary file that is removed afterwards, oversized ones not
// at all.

const spoolFiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith('okienko-mail-'));

/** Feeds the spool like a stream does, waiting whenever it asks to. */
async function feed(spool: MailSpool, data: Buffer, chunkSize = 64 * 1024): Promise<void> {
  for (let at = 0; at < data.length; at += chunkSize) {
    const chunk = data.subarray(at, at + chunkSize);
    await new Promise<void>((resolve) => {
      if (spool.write(chunk, resolve)) resolve();
    });
  }
}

describe('MailSpool', () => {
  it('gives back a small mail as it came', async () => {
    const data = randomBytes(300_000);
    const spool = new MailSpool(1_000_000);
    await feed(spool, data);
    expect(spool.exceeded).toBe(false);
    expect((await spool.read()).equals(data)).toBe(true);
    await spool.discard();
  });

  it('gives back a mail bigger than what it keeps in memory, and removes its temporary file', async () => {
    const before = spoolFiles().length;
    const data = randomBytes(5 * 1024 * 1024 + 123);
    const spool = new MailSpool(10 * 1024 * 1024);
    await feed(spool, data);
    expect(spoolFiles().length).toBe(before + 1);
    expect((await spool.read()).equals(data)).toBe(true);
    await spool.discard();
    expect(spoolFiles().length).toBe(before);
  });

  it('keeps nothing of a mail over the limit but counts all of it', async () => {
    const before = spoolFiles().length;
    const spool = new MailSpool(2 * 1024 * 1024);
    await feed(spool, randomBytes(12 * 1024 * 1024));
    expect(spool.exceeded).toBe(true);
    expect(spool.size).toBe(12 * 1024 * 1024);
    await spool.discard();
    expect(spoolFiles().length).toBe(before);
  });
});
