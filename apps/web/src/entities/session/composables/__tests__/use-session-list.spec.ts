import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../../stores/session.store';
import { useSessionList } from '../use-session-list';

/** A load whose answers the test hands out one by one. */
function controlledLoad<T>() {
  const calls: { resolve: (items: T[]) => void; reject: (error: Error) => void }[] = [];
  const load = vi.fn(() => new Promise<T[]>((resolve, reject) => calls.push({ resolve, reject })));
  return { load, calls };
}

describe('a list loaded once per session', () => {
  beforeEach(() => {
    window.localStorage.setItem('okienko.session', JSON.stringify({ accessToken: 'token-1', expiresAt: null }));
    setActivePinia(createPinia());
  });

  it('asks once however many ask at the same time, and not again once loaded', async () => {
    const { load, calls } = controlledLoad<string>();
    const list = useSessionList(load);
    const first = list.ensureLoaded();
    const second = list.ensureLoaded();
    expect(load).toHaveBeenCalledTimes(1);

    calls[0]!.resolve(['Sprzedaż', 'Reklamacje']);
    await Promise.all([first, second]);
    expect(list.items.value).toEqual(['Sprzedaż', 'Reklamacje']);
    expect(list.loaded.value).toBe(true);

    await list.ensureLoaded();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('notes a failed load, keeps what it had, and clears the note when a later load succeeds', async () => {
    const { load, calls } = controlledLoad<string>();
    const list = useSessionList(load);
    const loading = list.refresh();
    calls[0]!.resolve(['Sprzedaż']);
    await loading;

    const failing = list.refresh();
    calls[1]!.reject(new Error('the API is away'));
    await expect(failing).resolves.toBeUndefined();
    expect(list.failed.value).toBe(true);
    expect(list.items.value).toEqual(['Sprzedaż']);

    const again = list.refresh();
    calls[2]!.resolve(['Sprzedaż', 'Księgowość']);
    await again;
    expect(list.failed.value).toBe(false);
    expect(list.items.value).toEqual(['Sprzedaż', 'Księgowość']);
  });

  it('forgets the list when the session ends, so the next user loads their own', async () => {
    const { load, calls } = controlledLoad<string>();
    const list = useSessionList(load);
    const loading = list.ensureLoaded();
    calls[0]!.resolve(['Sprzedaż']);
    await loading;

    useSessionStore().logout();
    expect(list.items.value).toEqual([]);
    expect(list.loaded.value).toBe(false);

    void list.ensureLoaded();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
