import { computed, onScopeDispose, watch, type Ref } from 'vue';
import { useSessionStore } from '../../session/stores/session.store';
import { clearPresence, sendPresence, type PresenceState } from '../api';
import { useLiveStore } from '../stores/live.store';

/** Well within the 20 s after which the API forgets an agent who stopped sending them. */
const HEARTBEAT_MS = 7_000;

/**
 * Tells the others that I am viewing (or, while `composing`, replying to) the
 * ticket, for as long as the page is open, and answers who else is on it.
 */
export function useTicketPresence(ticketId: Ref<string | null>, composing: Ref<boolean>) {
  const live = useLiveStore();
  const session = useSessionStore();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: string | null = null;

  const state = computed<PresenceState>(() => (composing.value ? 'replying' : 'viewing'));

  async function beat(): Promise<void> {
    clearTimeout(timer);
    const id = ticketId.value;
    if (!id) return;
    try {
      const answer = await sendPresence(id, state.value);
      if (ticketId.value === id) live.setPresence(answer);
    } catch {
      // The next heartbeat tries again.
    }
    if (ticketId.value === id) timer = setTimeout(() => void beat(), HEARTBEAT_MS);
  }

  function leave(options: { keepalive?: boolean } = {}): void {
    clearTimeout(timer);
    if (current && session.accessToken) void clearPresence(current, options).catch(() => undefined);
    current = null;
  }

  watch(
    ticketId,
    (id) => {
      if (id === current) return;
      leave();
      current = id;
      void beat();
    },
    { immediate: true },
  );
  // Starting or stopping a reply is news at once, not at the next heartbeat.
  watch(state, () => void beat());
  // Wake the live connection, which keeps the presence of others up to date.
  const stop = live.on('presence', () => undefined);

  const onPageHide = () => leave({ keepalive: true });
  // A page brought back from the browser's cache is open again.
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted || current) return;
    current = ticketId.value;
    void beat();
  };
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  onScopeDispose(() => {
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
    stop();
    leave();
  });

  /** Everybody else on the ticket: viewing or replying. */
  const others = computed(() => {
    const id = ticketId.value;
    const me = session.user?.id;
    return (id ? (live.presence[id] ?? []) : []).filter((entry) => entry.userId !== me);
  });

  return { others };
}
