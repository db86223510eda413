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
    await expect(takePrefetchedTicket('2026-000001')?.answer).resolves.toEqual({ id: 't1', number: '2026-000001' });
    expect(takePrefetchedTicket('2026-000001')).toBeNull();
  });

  it('asks once when the same ticket is prefetched again while its answer is fresh', async () => {
    prefetchTicket('2026-000003');
    prefetchTicket('2026-000003');
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await takePrefetchedTicket('2026-000003')?.answer;
  });

  it('hands over the ticket itself once its answer has come, for showing it in the first render', async () => {
    prefetchTicket('2026-000004');
    expect(takePrefetchedTicket('2026-000005')).toBeNull();
    prefetchTicket('2026-000004');
    const pending = takePrefetchedTicket('2026-000004');
    expect(pending?.value).toBeUndefined();
    await pending?.answer;

    prefetchTicket('2026-000004');
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(takePrefetchedTicket('2026-000004')?.value).toEqual({ id: 't1', number: '2026-000001' });
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
    await expect(takePrefetchedTicket('2026-999999')?.answer).rejects.toMatchObject({ name: 'ApiError', status: 404 });
  });
});
