import { randomUUID } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

/** Kept in memory up to this much; a bigger mail is written to a temporary file as it arrives. */
const IN_MEMORY_BYTES = 1024 * 1024;

/** Of a big mail, this much passes between two collections of the buffers it came in. */
const COLLECT_EVERY_BYTES = 1024 * 1024;

let minorGc: (() => void) | null | undefined;

/**
 * A young-generation garbage collection (about a millisecond). The socket's
 * chunks of a big mail are garbage once written to the file or dropped, but
 * V8 collects buffers only when its heap fills, which a stream of them hardly
 * does: without this, a 300 MB mail would leave tens of MB waiting.
 */
function collectYoungGarbage(): void {
  if (minorGc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
      minorGc = () => gc({ type: 'minor' });
    } catch {
      minorGc = null;
    }
  }
  minorGc?.();
}

/**
 * The bytes of one mail as they arrive over SMTP, up to `limit`. Small mail
 * stays in memory; past 1 MiB it goes to a temporary file, and past the
 * limit nothing more is kept at all (the rest is counted and dropped): an
 * oversized mail never holds memory, whatever its size.
 */
export class MailSpool {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private file: { path: string; stream: WriteStream } | null = null;
  private failure: Error | null = null;
  private removal: Promise<void> = Promise.resolve();
  /** Every byte received, kept or not. */
  size = 0;
  private passedSinceCollection = 0;

  constructor(private readonly limit: number) {}

  get exceeded(): boolean {
    return this.size > this.limit;
  }

  /**
   * Takes the next chunk. Answers false when the caller should wait for
   * `drain` (the temporary file is behind) before giving more.
   */
  write(chunk: Buffer, drain: () => void): boolean {
    this.size += chunk.length;
    if (this.size > IN_MEMORY_BYTES) {
      this.passedSinceCollection += chunk.length;
      if (this.passedSinceCollection >= COLLECT_EVERY_BYTES) {
        this.passedSinceCollection = 0;
        collectYoungGarbage();
      }
    }
    if (this.exceeded) {
      void this.discard();
      return true;
    }
    if (!this.file && this.buffered + chunk.length <= IN_MEMORY_BYTES) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      return true;
    }
    if (!this.file) {
      const file = path.join(tmpdir(), `okienko-mail-${randomUUID()}.eml`);
      const stream = createWriteStream(file, { mode: 0o600 });
      stream.on('error', (error) => (this.failure = error));
      this.file = { path: file, stream };
      for (const buffered of this.chunks) stream.write(buffered);
      this.chunks = [];
      this.buffered = 0;
    }
    if (this.file.stream.write(chunk)) return true;
    this.file.stream.once('drain', drain);
    return false;
  }

  /** The whole mail (received within the limit). */
  async read(): Promise<Buffer> {
    if (!this.file) return Buffer.concat(this.chunks);
    const { stream, path: file } = this.file;
    await new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      stream.once('error', reject);
      stream.end(() => resolve());
    });
    return readFile(file);
  }

  /** Drops whatever was kept (in memory and on disk); resolves once the temporary file is gone. */
  discard(): Promise<void> {
    this.chunks = [];
    this.buffered = 0;
    if (this.file) {
      const { stream, path: file } = this.file;
      this.file = null;
      stream.destroy();
      this.removal = rm(file, { force: true }).catch(() => undefined);
    }
    return this.removal;
  }
}
