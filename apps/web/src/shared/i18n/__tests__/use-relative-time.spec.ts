import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '../index';
import { useRelativeTime } from '../use-relative-time';
import { withSetup } from '../../testing/with-setup';

const NOW = new Date('2026-03-12T10:00:00Z');

describe('relative times ("za 2 godz.")', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    setLocale('pl');
  });
  afterEach(() => {
    vi.useRealTimers();
    setLocale('pl');
  });

  it('picks minutes, hours or days by the distance, in Polish and in English', () => {
    const { result, unmount } = withSetup(() => useRelativeTime());
    expect(result.formatRelative('2026-03-12T10:25:00Z')).toBe('za 25 min');
    expect(result.formatRelative('2026-03-12T12:00:00Z')).toBe('za 2 godz.');
    expect(result.formatRelative('2026-03-09T10:00:00Z')).toBe('3 dni temu');
    setLocale('en');
    expect(result.formatRelative('2026-03-12T12:00:00Z')).toBe('in 2 hours');
    expect(result.formatRelative('2026-03-12T09:59:00Z')).toBe('1 minute ago');
    unmount();
  });

  it('counts down while the page stays open and stops its timer when the page goes', () => {
    const { result, unmount } = withSetup(() => useRelativeTime(30_000));
    expect(result.formatRelative('2026-03-12T10:10:00Z')).toBe('za 10 min');
    vi.advanceTimersByTime(5 * 60_000);
    expect(result.formatRelative('2026-03-12T10:10:00Z')).toBe('za 5 min');
    vi.advanceTimersByTime(10 * 60_000);
    expect(result.formatRelative('2026-03-12T10:10:00Z')).toBe('5 min temu');
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});
