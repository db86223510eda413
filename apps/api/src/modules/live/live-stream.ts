import type { Response } from 'express';

/** A client that has fallen this far behind (bytes not yet sent) is dropped; it reconnects and reloads. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

/** One open Server-Sent Events response. */
export class LiveStream {
  private closed = false;

  constructor(private readonly response: Response) {}

  /** Sends the headers and tells the client how soon to reconnect after a drop. */
  open(retryMs: number): void {
    this.response.status(200);
    this.response.set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Proxies such as nginx must pass events on at once.
      'X-Accel-Buffering': 'no',
    });
    this.response.flushHeaders();
    this.write(`retry: ${retryMs}\n\n`);
  }

  send(event: string, data: unknown): void {
    this.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A comment line: keeps idle connections (and proxies) from timing out. */
  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  get isClosed(): boolean {
    return this.closed || this.response.writableEnded || this.response.destroyed;
  }

  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.response.end();
  }

  private write(chunk: string): void {
    if (this.isClosed) return;
    if (this.response.writableLength > MAX_BACKLOG_BYTES) {
      this.closed = true;
      this.response.destroy();
      return;
    }
    this.response.write(chunk);
  }
}
