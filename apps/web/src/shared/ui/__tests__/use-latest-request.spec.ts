import { afterEach, describe, expect, it, vi } from 'vitest';
import { withSetup } from '../../testing/with-setup';
import { useLatestRequest } from '../use-latest-request';

/** A request the test answers or fails by hand, and whether it was cancelled. */
function controllableFetch() {
  const calls: { argument: string; signal: AbortSignal; answer: (value: string) => void; fail: (error: Error) => void }[] = [];
  const fetch = (argument: string, signal: AbortSignal) =>
    new Promise<string>((answer, fail) => calls.push({ argument, signal, answer, fail }));
  return { calls, fetch };
}

describe('useLatestRequest', () => {
  afterEach(() => vi.useRealTimers());

  it('runs only after the pause, and only the last of quickly replaced requests', async () => {
    vi.useFakeTimers();
    const { calls, fetch } = controllableFetch();
    const shown: string[] = [];
    const { result, unmount } = withSetup(() => useLatestRequest(fetch, (answer: string) => shown.push(answer)));
    result.schedule('ja', 100);
    result.schedule('jan', 100);
    await vi.advanceTimersByTimeAsync(99);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls.map((c) => c.argument)).toEqual(['jan']);
    expect(result.loading.value).toBe(true);
    calls[0].answer('Jan Kowalski');
    await vi.runAllTimersAsync();
    expect(shown).toEqual(['Jan Kowalski']);
    expect(result.loading.value).toBe(false);
    unmount();
  });

  it('drops the answer and the error of a request a newer one replaced', async () => {
    vi.useFakeTimers();
    const { calls, fetch } = controllableFetch();
    const shown: string[] = [];
    const { result, unmount } = withSetup(() => useLatestRequest(fetch, (answer: string) => shown.push(answer)));
    result.schedule('old', 0);
    await vi.advanceTimersByTimeAsync(0);
    result.schedule('new', 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[0].signal.aborted).toBe(true);
    calls[0].fail(new Error('network down'));
    calls[1].answer('new answer');
    calls[0].answer('old answer');
    await vi.runAllTimersAsync();
    expect(shown).toEqual(['new answer']);
    expect(result.failure.value).toBeNull();
    unmount();
  });

  it('cancels what is waiting or running when the component goes away', async () => {
    vi.useFakeTimers();
    const { calls, fetch } = controllableFetch();
    const { result, unmount } = withSetup(() => useLatestRequest(fetch, () => undefined));
    result.schedule('a', 0);
    await vi.advanceTimersByTimeAsync(0);
    result.schedule('b', 500);
    unmount();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toHaveLength(1);
    expect(calls[0].signal.aborted).toBe(true);
    expect(result.loading.value).toBe(false);
  });
});
