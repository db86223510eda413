import { onScopeDispose, ref } from 'vue';
import { fetchHealth, type Health } from '../../../entities/health/api';

export type HealthState =
  | { kind: 'checking' }
  | { kind: 'known'; health: Health; checkedAt: Date }
  | { kind: 'unreachable'; checkedAt: Date };

/**
 * Health of the product, re-checked every `intervalMs` while the tab is
 * visible, and at once when the user comes back to it.
 */
export function useHealthStatus(intervalMs = 15_000) {
  const state = ref<HealthState>({ kind: 'checking' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;
  let stopped = false;

  async function check(): Promise<void> {
    clearTimeout(timer);
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    try {
      const health = await fetchHealth(controller.signal);
      state.value = { kind: 'known', health, checkedAt: new Date() };
    } catch {
      if (controller.signal.aborted) return;
      // No answer, or an answer that is not a health report (e.g. a proxy error page).
      state.value = { kind: 'unreachable', checkedAt: new Date() };
    } finally {
      if (inFlight === controller) inFlight = null;
    }
    scheduleNext();
  }

  function scheduleNext() {
    clearTimeout(timer);
    if (stopped || document.visibilityState === 'hidden') return;
    timer = setTimeout(() => void check(), intervalMs);
  }

  function onVisibilityChange() {
    if (document.visibilityState === 'visible') void check();
    else clearTimeout(timer);
  }

  document.addEventListener('visibilitychange', onVisibilityChange);
  void check();

  onScopeDispose(() => {
    stopped = true;
    clearTimeout(timer);
    inFlight?.abort();
    document.removeEventListener('visibilitychange', onVisibilityChange);
  });

  return { state, refresh: check };
}
