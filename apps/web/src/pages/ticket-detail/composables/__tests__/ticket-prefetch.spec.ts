import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prefetchTicket, takePrefetchedTicket } from '../ticket-prefetch';

// The API client takes `fetch` when it is created (at import), so the stand-in server goes in first.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = (input, init) => mock(input, init);
  return mock;
});

function answer(body: object, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('prefetching the ticket while the page loads', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async () => answer({ id: 't1', number: '2026-000001' }));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hands the answer to the page once, for the same ticket only', async () => {
    prefetchTicket('2026-000001');
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(new URL((fetchMock.mock.calls[0]![0] as Request).url).pathname).toBe('/api/v1/tickets/2026-000001');
    expect(takePrefetchedTicket('2026-000002')).toBeNull();

    prefetchTicket('2026-000001');
    await expect(takePrefetchedTicket('2026-000001')).resolves.toEqual({ id: 't1', number: '2026-000001' });
    expect(takePrefetchedTicket('2026-000001')).toBeNull();
  });

  it('does not use an answer older than five seconds', () => {
    vi.useFakeTimers();
    prefetchTicket('2026-000001');
    vi.advanceTimersByTime(5_001);
    expect(takePrefetchedTicket('2026-000001')).toBeNull();
  });

  it('passes a failure on to the page that takes it, and to nobody else', async () => {
    fetchMock.mockImplementation(async () => answer({ statusCode: 404, error: 'Not Found', message: 'Ticket not found' }, 404));
    prefetchTicket('2026-999999');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(takePrefetchedTicket('2026-999999')).rejects.toMatchObject({ name: 'ApiError', status: 404 });
  });
});
