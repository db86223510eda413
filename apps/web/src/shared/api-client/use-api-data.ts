import { onScopeDispose, ref, shallowRef, watch, type Ref, type WatchSource } from 'vue';
import { useErrorText } from '../i18n/use-error-text';

/**
 * Data loaded from the API, reloaded whenever `source` changes; a newer
 * request cancels an older one. `failure` says in words what went wrong.
 */
export function useApiData<T, S = null>(
  load: (source: S, signal: AbortSignal) => Promise<T>,
  source?: WatchSource<S>,
) {
  const errorText = useErrorText();
  const data = shallowRef<T | null>(null) as Ref<T | null>;
  const loading = ref(false);
  const failure = ref<string | null>(null);
  /** The error itself, e.g. to tell "not found" from other failures. */
  const error = shallowRef<unknown>(null);
  let inFlight: AbortController | null = null;
  let current = null as S;

  async function reload(): Promise<void> {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    loading.value = true;
    try {
      const answer = await load(current, controller.signal);
      if (controller.signal.aborted) return;
      data.value = answer;
      failure.value = null;
      error.value = null;
    } catch (cause) {
      if (controller.signal.aborted) return;
      failure.value = errorText(cause);
      error.value = cause;
    } finally {
      if (inFlight === controller) {
        inFlight = null;
        loading.value = false;
      }
    }
  }

  if (source) {
    watch(
      source,
      (value) => {
        current = value;
        void reload();
      },
      { immediate: true },
    );
  } else {
    void reload();
  }
  onScopeDispose(() => inFlight?.abort());

  return { data, loading, failure, error, reload };
}
