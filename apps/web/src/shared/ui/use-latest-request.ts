import { onScopeDispose, ref } from 'vue';
import { useErrorText } from '../i18n/use-error-text';

/**
 * A request that runs after a pause and only ever shows its latest answer: a newer
 * request cancels the one in flight (its answer and its error are dropped), the
 * pending one is cancelled when the component goes away. `loading` is true while
 * the latest request runs; `failure` holds its error in the user's language.
 */
export function useLatestRequest<A, T>(fetch: (argument: A, signal: AbortSignal) => Promise<T>, onAnswer: (answer: T, argument: A) => void) {
  const errorText = useErrorText();
  const loading = ref(false);
  const failure = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  async function run(argument: A): Promise<void> {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    loading.value = true;
    try {
      const answer = await fetch(argument, controller.signal);
      if (controller.signal.aborted) return;
      onAnswer(answer, argument);
      failure.value = null;
    } catch (error) {
      if (controller.signal.aborted) return;
      failure.value = errorText(error);
    } finally {
      if (inFlight === controller) {
        inFlight = null;
        loading.value = false;
      }
    }
  }

  /** Runs the request after `delayMs`, replacing one still waiting. */
  function schedule(argument: A, delayMs: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void run(argument), delayMs);
  }

  /** Drops the waiting and the running request; nothing is loading any more. */
  function cancel(): void {
    clearTimeout(timer);
    inFlight?.abort();
    inFlight = null;
    loading.value = false;
  }

  onScopeDispose(cancel);

  return { loading, failure, schedule, cancel };
}
