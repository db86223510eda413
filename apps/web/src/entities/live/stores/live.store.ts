import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { useSessionStore } from '../../session/stores/session.store';
import { LIVE_STREAM_PATH, type PresenceEntry, type TicketPresence } from '../api';
import { LiveConnection, type LiveMessage } from '../live-connection';

export type LiveEventName =
  | 'ticket.created' | 'ticket.updated' | 'presence' | 'notification' | 'resync'
  | 'call.ringing' | 'call.answered' | 'call.ended'
  | 'chat.waiting' | 'chat.message' | 'chat.typing' | 'chat.taken' | 'chat.transferred' | 'chat.ended';
export type LiveHandler = (data: unknown) => void;

/**
 * The panel's one live connection while somebody is logged in: started by
 * the first page that listens, ended with the session. Pages subscribe to
 * events by name; who is on which ticket is kept here from `presence` events.
 */
export const useLiveStore = defineStore('live', () => {
  const session = useSessionStore();
  const connected = ref(false);
  /** Agents on each ticket (me included), by ticket id, as last announced. */
  const presence = ref<Record<string, PresenceEntry[]>>({});
  const handlers = new Map<string, Set<LiveHandler>>();

  function dispatch({ event, data }: LiveMessage): void {
    if (event === 'presence') setPresence(data as TicketPresence);
    handlers.get(event)?.forEach((handler) => handler(data));
  }

  const connection = new LiveConnection({
    url: LIVE_STREAM_PATH,
    token: () => session.accessToken,
    onMessage: dispatch,
    onState: (state) => {
      connected.value = state;
    },
    onUnauthorized: (token) => {
      if (session.accessToken === token) session.expire();
    },
  });

  function setPresence(answer: TicketPresence): void {
    presence.value = { ...presence.value, [answer.ticketId]: answer.agents };
  }

  /** Calls `handler` with the data of every `event` until the answered function is called. */
  function on(event: LiveEventName, handler: LiveHandler): () => void {
    let set = handlers.get(event);
    if (!set) handlers.set(event, (set = new Set()));
    set.add(handler);
    if (session.accessToken) connection.start();
    return () => set.delete(handler);
  }

  // A new session connects afresh (as the new user); no session, no connection.
  watch(
    () => session.accessToken,
    (token, previous) => {
      if (token === previous) return;
      connection.stop();
      connected.value = false;
      presence.value = {};
      if (token && [...handlers.values()].some((set) => set.size > 0)) connection.start();
    },
  );

  return { connected, presence, on, setPresence };
});
