import { onScopeDispose } from 'vue';
import type { TicketChangeEvent } from '../api';
import { useLiveStore } from '../stores/live.store';

/** Bursts of changes (a mail wave, a bulk reassignment) become at most one refresh this often. */
const MIN_INTERVAL_MS = 1_000;

/**
 * Calls `refresh` when tickets are created or changed (by anybody, anywhere)
 * or after the live connection had to catch up; at most once a second, the
 * last change always followed by a refresh. `relevant` may skip changes.
 */
export function useLiveRefresh(refresh: () => void, relevant: (change: TicketChangeEvent | null) => boolean = () => true): void {
  const live = useLiveStore();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;

  function schedule(): void {
    if (timer) return;
    const wait = Math.max(0, last + MIN_INTERVAL_MS - Date.now());
    timer = setTimeout(() => {
      timer = undefined;
      last = Date.now();
      refresh();
    }, wait);
  }

  const stops = [
    live.on('ticket.created', (data) => relevant(data as TicketChangeEvent) && schedule()),
    live.on('ticket.updated', (data) => relevant(data as TicketChangeEvent) && schedule()),
    live.on('resync', () => relevant(null) && schedule()),
  ];
  onScopeDispose(() => {
    clearTimeout(timer);
    stops.forEach((stop) => stop());
  });
}
