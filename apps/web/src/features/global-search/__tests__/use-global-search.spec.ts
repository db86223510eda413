import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { withSetup } from '../../../shared/testing/with-setup';
import { searchable, useGlobalSearch } from '../use-global-search';

// The API client takes `fetch` when it is created (at import), so the stand-in server goes in first.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = (input, init) => mock(input, init);
  return mock;
});

function ticket(number: string, subject: string) {
  return { id: `id-${number}`, number, subject, status: 'open', customerName: 'Jan Wójcik', customerEmail: null };
}

/** The `q` of each request the search sent. */
function askedFor(): string[] {
  return fetchMock.mock.calls.map((call) => new URL((call[0] as Request).url).searchParams.get('q') ?? '');
}

describe('the global search box’s search', () => {
  beforeEach(() => {
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (input) => {
      const q = new URL((input as Request).url).searchParams.get('q') ?? '';
      return new Response(JSON.stringify({ items: [ticket('2026-000007', `Zwrot ${q}`)], total: 1 }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('searches numbers of any length and other words from two characters', () => {
    expect(searchable('7')).toBe(true);
    expect(searchable(' w ')).toBe(false);
    expect(searchable('wó')).toBe(true);
  });

  it('asks once typing pauses, for the last words only, with snoozed tickets included', async () => {
    vi.useFakeTimers();
    const { result, unmount } = withSetup(() => useGlobalSearch({ debounceMs: 200 }));
    for (const words of ['W', 'Wó', 'Wój', 'Wójcik']) {
      result.words.value = words;
      await nextTick();
      vi.advanceTimersByTime(50);
    }
    expect(fetchMock).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    vi.useRealTimers();
    await vi.waitFor(() => expect(result.searchedFor.value).toBe('Wójcik'));
    expect(askedFor()).toEqual(['Wójcik']);
    const url = new URL((fetchMock.mock.calls[0]![0] as Request).url);
    expect(url.pathname).toBe('/api/v1/tickets');
    expect(url.searchParams.get('snoozed')).toBe('any');
    expect(result.results.value.map((item) => item.subject)).toEqual(['Zwrot Wójcik']);
    unmount();
  });

  it('cancels a search still under way when the words change, and shows only the newer answer', async () => {
    const signals: AbortSignal[] = [];
    let releaseFirst: (() => void) | undefined;
    fetchMock.mockImplementation((input) => {
      const request = input as Request;
      signals.push(request.signal);
      const q = new URL(request.url).searchParams.get('q') ?? '';
      const body = () => new Response(JSON.stringify({ items: [ticket('2026-000001', q)], total: 1 }), { status: 200, headers: { 'Content-Type': 'application/json' } });
      if (q === 'Jan') return new Promise((resolve) => (releaseFirst = () => resolve(body())));
      return Promise.resolve(body());
    });
    const { result, unmount } = withSetup(() => useGlobalSearch({ debounceMs: 0 }));
    result.words.value = 'Jan';
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    result.words.value = 'Janina';
    await vi.waitFor(() => expect(result.searchedFor.value).toBe('Janina'));
    expect(signals[0]!.aborted).toBe(true);
    releaseFirst?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(result.results.value.map((item) => item.subject)).toEqual(['Janina']);

    // Too little to search: the results go.
    result.words.value = 'J';
    await nextTick();
    expect(result.results.value).toEqual([]);
    expect(result.searchedFor.value).toBeNull();
    unmount();
  });
});
