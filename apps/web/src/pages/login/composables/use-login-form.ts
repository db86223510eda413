import { computed, onScopeDispose, reactive, ref } from 'vue';
import { useSessionStore } from '../../../entities/session/stores/session.store';
import { ApiError, NetworkError } from '../../../shared/api-client/errors';

/** What went wrong with the last attempt; the view turns it into words in the current language. */
export type LoginFailure =
  | { kind: 'invalidCredentials' }
  | { kind: 'tooManyAttempts'; retryAt: number | null }
  | { kind: 'accountDisabled' }
  | { kind: 'network' }
  | { kind: 'server'; status: number }
  | { kind: 'unexpected'; status: number };

export type FieldProblem = 'required' | 'invalid';

// Deliberately loose: the server decides; this only catches obvious typos.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+$/;

function describeFailure(error: unknown): LoginFailure {
  if (error instanceof NetworkError) return { kind: 'network' };
  if (error instanceof ApiError) {
    if (error.status === 400 || error.status === 401) return { kind: 'invalidCredentials' };
    if (error.status === 403) return { kind: 'accountDisabled' };
    if (error.status === 429) {
      const seconds = error.retryAfterSeconds;
      return { kind: 'tooManyAttempts', retryAt: seconds === null ? null : Date.now() + seconds * 1000 };
    }
    if (error.status >= 500) return { kind: 'server', status: error.status };
    return { kind: 'unexpected', status: error.status };
  }
  return { kind: 'unexpected', status: 0 };
}

/** State and behaviour of the login form. */
export function useLoginForm() {
  const session = useSessionStore();

  const email = ref('');
  const password = ref('');
  const submitting = ref(false);
  const failure = ref<LoginFailure | null>(null);
  const fieldProblems = reactive<{ email: FieldProblem | null; password: FieldProblem | null }>({
    email: null,
    password: null,
  });

  // Seconds left before the server accepts another attempt after a 429.
  const now = ref(Date.now());
  let ticker: ReturnType<typeof setInterval> | undefined;

  const retryInSeconds = computed(() => {
    const current = failure.value;
    if (current?.kind !== 'tooManyAttempts' || current.retryAt === null) return 0;
    return Math.max(0, Math.ceil((current.retryAt - now.value) / 1000));
  });

  function stopTicker() {
    clearInterval(ticker);
    ticker = undefined;
  }

  function startTicker() {
    stopTicker();
    now.value = Date.now();
    ticker = setInterval(() => {
      now.value = Date.now();
      if (retryInSeconds.value === 0) {
        stopTicker();
        if (failure.value?.kind === 'tooManyAttempts') failure.value = null;
      }
    }, 250);
  }

  onScopeDispose(stopTicker);

  const locked = computed(() => retryInSeconds.value > 0);
  const canSubmit = computed(() => !submitting.value && !locked.value);

  function validate(): boolean {
    const address = email.value.trim();
    fieldProblems.email = address === '' ? 'required' : EMAIL_SHAPE.test(address) ? null : 'invalid';
    fieldProblems.password = password.value === '' ? 'required' : null;
    return fieldProblems.email === null && fieldProblems.password === null;
  }

  /** Tries to log in; resolves true once the session is open. */
  async function submit(): Promise<boolean> {
    if (!canSubmit.value) return false;
    if (!validate()) return false;
    submitting.value = true;
    failure.value = null;
    try {
      await session.login({ email: email.value.trim(), password: password.value });
      password.value = '';
      return true;
    } catch (error) {
      failure.value = describeFailure(error);
      if (failure.value.kind === 'tooManyAttempts' && failure.value.retryAt !== null) startTicker();
      return false;
    } finally {
      submitting.value = false;
    }
  }

  return { email, password, submitting, failure, fieldProblems, retryInSeconds, locked, canSubmit, submit };
}
