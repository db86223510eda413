import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveConnection, type LiveMessage } from '../live-connection';

/** An answer whose body streams `chunks` and then ends (the server went away). */
function stream(chunks: string[], status = 200): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'Content-Type': 'text/event-stream' } });
}

function connection(token: () => string | null = () => 'secret') {
  const messages: LiveMessage[] = [];
  const states: boolean[] = [];
  const unauthorized: string[] = [];
  const live = new LiveConnection({
    url: '/api/v1/events',
    token,
    onMessage: (message) => messages.push(message),
    onState: (connected) => states.push(connected),
    onUnauthorized: (refused) => unauthorized.push(refused),
  });
  return { live, messages, states, unauthorized };
}

describe('the live connection (Server-Sent Events over fetch)', () => {
  const fetchMock = vi.fn<typeof fetch>();

  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', fetchMock);
    fetchMock.mockReset();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the bearer token and reads events split across chunks, comments and CRLF line ends', async () => {
    fetchMock.mockResolvedValueOnce(
      stream([': hello\n\nevent: ready\ndata: {}\n\n', 'event: ticket.upd', 'ated\r\ndata: {"id":"t1",\r\ndata: "number":"2026-000001"}\r\n\r\n', 'data: not json\n\n']),
    );
    fetchMock.mockReturnValue(new Promise(() => undefined));
    const { live, messages, states } = connection();
    live.start();
    await vi.advanceTimersByTimeAsync(0);

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/events');
    expect((init?.headers as Record<string, string>)['Authorization']).toBe('Bearer secret');
    expect(messages).toEqual([
      { event: 'ready', data: {} },
      { event: 'ticket.updated', data: { id: 't1', number: '2026-000001' } },
    ]);
    expect(states).toEqual([true, false]);
    live.stop();
  });

  it('reconnects after a drop and announces a resync, since events may have been missed', async () => {
    fetchMock.mockResolvedValueOnce(stream(['event: ready\ndata: {}\n\n']));
    fetchMock.mockResolvedValueOnce(stream(['event: ready\ndata: {}\n\n']));
    fetchMock.mockReturnValue(new Promise(() => undefined));
    const { live, messages, states } = connection();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(states).toEqual([true, false]);

    // The first retry waits between half and all of a second.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(messages.map((message) => message.event)).toEqual(['ready', 'resync', 'ready']);
    live.stop();
  });

  it('waits twice as long after each failed attempt, never more than half a minute, and stops when told', async () => {
    // The jitter at its longest: each wait is then exactly the backoff.
    vi.spyOn(Math, 'random').mockReturnValue(1);
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const { live } = connection();
    live.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    let attempts = 1;
    for (const wait of [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]) {
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(fetchMock).toHaveBeenCalledTimes(attempts);
      await vi.advanceTimersByTimeAsync(1);
      expect(fetchMock).toHaveBeenCalledTimes(++attempts);
    }
    live.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fetchMock).toHaveBeenCalledTimes(attempts);
  });

  it('gives up and reports a refused token, without retrying', async () => {
    fetchMock.mockResolvedValue(new Response('{}', { status: 401 }));
    const { live, unauthorized, states } = connection();
    live.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(unauthorized).toEqual(['secret']);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(states).toEqual([]);
  });

  it('does not connect without a token', async () => {
    const { live } = connection(() => null);
    live.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
