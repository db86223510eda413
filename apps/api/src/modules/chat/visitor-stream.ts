import type { Response } from 'express';

/** A visitor's Server-Sent Events stream: numbered events (their `id` is what `Last-Event-ID` names on reconnect). */
export class VisitorStream {
  private closed = false;

  constructor(private readonly response: Response) {}

  open(retryMs: number, origin: string | null): void {
    this.response.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      ...(origin ? { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } : {}),
    });
    this.response.flushHeaders();
    this.write(`retry: ${retryMs}\n\n`);
    this.response.on('close', () => (this.closed = true));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** An event; `id` for events kept in the session's history (replayed), none for passing ones (typing). */
  send(event: string, data: unknown, id?: string): void {
    this.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  end(): void {
    if (!this.closed) this.response.end();
    this.closed = true;
  }

  private write(chunk: string): void {
    if (!this.closed) this.response.write(chunk);
  }
}
