import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { fetchCurrentUser, logIn, type Credentials, type CurrentUser } from '../api';

const STORAGE_KEY = 'okienko.session';
// setTimeout cannot wait longer than about 24.8 days.
const MAX_TIMER_MS = 2_147_483_647;

/** Why a session ended: the user logged out, or the token stopped being accepted. */
export type SessionEndReason = 'logout' | 'expired';
export type SessionEndListener = (reason: SessionEndReason) => void;

interface StoredSession {
  accessToken: string;
  /** Epoch milliseconds after which the token is no longer accepted; null if unknown. */
  expiresAt: number | null;
}

function parseStoredSession(raw: string | null): StoredSession | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { accessToken, expiresAt } = value as Partial<StoredSession>;
    if (typeof accessToken !== 'string' || accessToken === '') return null;
    return { accessToken, expiresAt: typeof expiresAt === 'number' ? expiresAt : null };
  } catch {
    return null;
  }
}

function readStoredSession(): StoredSession | null {
  try {
    return parseStoredSession(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

function writeStoredSession(session: StoredSession | null): void {
  try {
    if (session) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Without storage the session lasts until the tab is closed.
  }
}

/**
 * The logged-in agent: the access token (kept in this browser so a reload
 * stays logged in) and the user's profile.
 */
export const useSessionStore = defineStore('session', () => {
  const stored = readStoredSession();
  const accessToken = ref<string | null>(stored?.accessToken ?? null);
  const expiresAt = ref<number | null>(stored?.expiresAt ?? null);
  const user = ref<CurrentUser | null>(null);
  /** How the previous session ended, so the login page can say why it is shown. */
  const lastEndReason = ref<SessionEndReason | null>(null);

  const endListeners = new Set<SessionEndListener>();
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;
  let loadingUser: Promise<CurrentUser> | null = null;

  const hasToken = computed(() => accessToken.value !== null);

  function isExpired(now = Date.now()): boolean {
    return expiresAt.value !== null && now >= expiresAt.value;
  }

  function scheduleExpiry(): void {
    clearTimeout(expiryTimer);
    if (expiresAt.value === null) return;
    const delay = Math.min(Math.max(0, expiresAt.value - Date.now()), MAX_TIMER_MS);
    expiryTimer = setTimeout(() => {
      if (isExpired()) expire();
      else scheduleExpiry();
    }, delay);
  }

  function setToken(token: string, expiresInSeconds: number | null): void {
    accessToken.value = token;
    expiresAt.value = expiresInSeconds === null ? null : Date.now() + expiresInSeconds * 1000;
    writeStoredSession({ accessToken: token, expiresAt: expiresAt.value });
    scheduleExpiry();
  }

  async function login(credentials: Credentials): Promise<CurrentUser> {
    const answer = await logIn(credentials);
    setToken(answer.accessToken, answer.expiresIn);
    user.value = answer.user;
    lastEndReason.value = null;
    return answer.user;
  }

  /** The profile of the logged-in user, fetched once per session. */
  function loadUser(): Promise<CurrentUser> {
    if (user.value) return Promise.resolve(user.value);
    if (!loadingUser) {
      const token = accessToken.value;
      loadingUser = fetchCurrentUser()
        .then((profile) => {
          if (accessToken.value === token) user.value = profile;
          return profile;
        })
        .finally(() => {
          loadingUser = null;
        });
    }
    return loadingUser;
  }

  function clear(): void {
    clearTimeout(expiryTimer);
    accessToken.value = null;
    expiresAt.value = null;
    user.value = null;
    loadingUser = null;
    writeStoredSession(null);
  }

  function end(reason: SessionEndReason): void {
    const hadSession = accessToken.value !== null;
    clear();
    if (!hadSession) return;
    lastEndReason.value = reason;
    endListeners.forEach((listener) => listener(reason));
  }

  /** The user chose to leave. */
  function logout(): void {
    end('logout');
  }

  /** The API refused the token or it ran out: the user has to log in again. */
  function expire(): void {
    end('expired');
  }

  /** Lets the app react (e.g. show the login page) when the session ends. */
  function onSessionEnd(listener: SessionEndListener): () => void {
    endListeners.add(listener);
    return () => endListeners.delete(listener);
  }

  // Logging out (or in) in another tab applies to this one too.
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    const next = readStoredSession();
    if (next?.accessToken === accessToken.value) return;
    if (!next) {
      logout();
      return;
    }
    accessToken.value = next.accessToken;
    expiresAt.value = next.expiresAt;
    user.value = null;
    scheduleExpiry();
    loadUser().catch(() => undefined);
  });

  scheduleExpiry();

  return {
    accessToken,
    expiresAt,
    user,
    lastEndReason,
    hasToken,
    isExpired,
    login,
    loadUser,
    logout,
    expire,
    clear,
    onSessionEnd,
  };
});

export type SessionStore = ReturnType<typeof useSessionStore>;
