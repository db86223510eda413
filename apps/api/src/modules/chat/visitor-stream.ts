import type { Response } from 'express';

/**
 * A visitor's Server-Sent Events stream: numbered events (their `id` is what
 * `Last-Event-ID` names on reconnect). While the history is replayed, live
 * events wait (`replaying`); a numbered event at or below the last one sent is
 * not sent again, so the visitor gets each event once and in order.
 */
export class VisitorStream {
  private closed = false;
  private lastId = 0;
  private held: [event: string, data: unknown, id?: string][] | null = null;

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
    if (this.held) {
      this.held.push([event, data, id]);
      return;
    }
    this.deliver(event, data, id);
  }

  /**
   * Replays `history` (oldest first) ahead of whatever live events arrive meanwhile: those wait and follow, each
   * numbered one only if the history did not hold it already.
   */
  async replay(history: () => Promise<{ event: string; data: unknown; id: string }[]>): Promise<void> {
    this.held = [];
    try {
      for (const { event, data, id } of await history()) this.deliver(event, data, id);
    } finally {
      const waiting = this.held;
      this.held = null;
      for (const [event, data, id] of waiting) this.deliver(event, data, id);
    }
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  end(): void {
    if (!this.closed) this.response.end();
    this.closed = true;
  }

  private deliver(event: string, data: unknown, id?: string): void {
    if (id) {
      const n = Number(id);
      if (n <= this.lastId) return;
      this.lastId = n;
    }
    this.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private write(chunk: string): void {
    if (!this.closed) this.response.write(chunk);
  }
}
