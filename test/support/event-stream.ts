import { ServerSentEventsReader } from '@okienko/domain';
import { waitFor } from './wait-for.js';

export interface StreamEvent {
  event: string;
  data: unknown;
}

/** A Server-Sent Events stream read the way the panel reads it: fetch with a bearer header and a streaming body. */
export interface EventStream {
  status: number;
  contentType: string | null;
  /** Every event received so far, in order. */
  events: StreamEvent[];
  /** Lines starting with `retry:` and comments seen so far. */
  controlLines: string[];
  /** Waits for the first event (received so far or later) that satisfies `match`. */
  next<T = unknown>(event: string, match?: (data: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): void;
}

export async function openEventStream(url: string, token: string | null): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {}, signal: abort.signal });
  const events: StreamEvent[] = [];
  const controlLines: string[] = [];
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const stream = new ServerSentEventsReader();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          for (const block of stream.feed(value)) {
            controlLines.push(...block.otherLines);
            if (block.data !== null) events.push({ event: block.event, data: JSON.parse(block.data) });
          }
        }
      } catch {
        // Closed by the test.
      }
    })();
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    events,
    controlLines,
    next: <T>(event: string, match: (data: T) => boolean = () => true, timeoutMs = 10_000) =>
      waitFor(() => events.find((e) => e.event === event && match(e.data as T))?.data as T | undefined, {
        timeoutMs,
        description: `a "${event}" event`,
      }),
    close: () => abort.abort(),
  };
}
