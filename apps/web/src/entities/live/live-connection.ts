import { ServerSentEventsReader, type ServerSentEventBlock } from '@okienko/domain';

/** One event of the stream: its name and its parsed JSON data. */
export interface LiveMessage {
  event: string;
  data: unknown;
}

export interface LiveConnectionOptions {
  url: string;
  /** The bearer token to connect with; null stops trying until `start` is called again. */
  token(): string | null;
  onMessage(message: LiveMessage): void;
  /** The stream is (re)established (`true`) or lost (`false`). */
  onState(connected: boolean): void;
  /** The server refused the token (401). */
  onUnauthorized(token: string): void;
}

const MIN_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** The server sends a comment at least every 15 s; this long without a byte means a dead connection. */
const SILENCE_MS = 45_000;

/**
 * A Server-Sent Events stream read with `fetch` (which, unlike EventSource,
 * can send the Authorization header), reconnecting with growing, jittered
 * delays after a drop. A reconnect announces itself as a `resync` message,
 * since events may have been missed in between.
 */
export class LiveConnection {
  private controller: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private serverRetryMs = MIN_DELAY_MS;
  private everConnected = false;
  private running = false;

  constructor(private readonly options: LiveConnectionOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    this.everConnected = false;
    clearTimeout(this.retryTimer);
    this.controller?.abort();
    this.controller = null;
  }

  private async connect(): Promise<void> {
    const token = this.options.token();
    if (!this.running || !token) return;
    const controller = new AbortController();
    this.controller = controller;
    let silence: ReturnType<typeof setTimeout> | undefined;
    const watch = () => {
      clearTimeout(silence);
      silence = setTimeout(() => controller.abort(), SILENCE_MS);
    };
    try {
      watch();
      const response = await fetch(this.options.url, {
        headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.status === 401) {
        this.options.onUnauthorized(token);
        this.running = false;
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const stream = new ServerSentEventsReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        watch();
        for (const block of stream.feed(value)) this.handleBlock(block);
      }
    } catch {
      // A dropped or refused connection: tried again below.
    } finally {
      clearTimeout(silence);
      if (this.controller === controller) this.controller = null;
    }
    if (!this.running) return;
    this.options.onState(false);
    this.failures += 1;
    const base = Math.min(MAX_DELAY_MS, Math.max(this.serverRetryMs, MIN_DELAY_MS) * 2 ** Math.min(this.failures - 1, 5));
    this.retryTimer = setTimeout(() => void this.connect(), base / 2 + Math.random() * (base / 2));
  }

  private handleBlock({ event, data, retry }: ServerSentEventBlock): void {
    if (retry !== null) this.serverRetryMs = retry;
    if (data === null) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    if (event === 'ready') {
      this.failures = 0;
      this.options.onState(true);
      if (this.everConnected) this.options.onMessage({ event: 'resync', data: {} });
      this.everConnected = true;
    }
    this.options.onMessage({ event, data: parsed });
  }
}
