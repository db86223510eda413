import { onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue';
import { fetchTicket, type TicketDetail } from '../../../entities/ticket/api';
import { ApiError } from '../../../shared/api-client/errors';
import { useErrorText } from '../../../shared/i18n/use-error-text';
import { takePrefetchedTicket } from './ticket-prefetch';

export type TicketLoadState = { kind: 'loading' } | { kind: 'ready' } | { kind: 'notFound' } | { kind: 'failed'; message: string };

// While a reply waits for the mail worker, its delivery state is checked again, less and less often.
const FIRST_RECHECK_MS = 2_000;
const LAST_RECHECK_MS = 60_000;

function awaitsDelivery(ticket: TicketDetail): boolean {
  return ticket.messages.some((message) => message.deliveryState === 'queued' || message.deliveryState === 'sending');
}

/**
 * The ticket a page shows (by number or id), kept fresh: a change made here
 * replaces it at once, and an answer that was on its way before that change
 * is dropped instead of putting the old values back.
 */
export function useTicket(ticketRef: Ref<string>) {
  const errorText = useErrorText();
  // An answer is never changed in place, only replaced: its hundred messages need no deep reactivity.
  const ticket = shallowRef<TicketDetail | null>(null);
  const state = ref<TicketLoadState>({ kind: 'loading' });
  let generation = 0;
  let inFlight: AbortController | null = null;
  let recheckTimer: ReturnType<typeof setTimeout> | undefined;
  let recheckDelay = FIRST_RECHECK_MS;
  let disposed = false;

  function scheduleRecheck(): void {
    clearTimeout(recheckTimer);
    if (disposed || !ticket.value || !awaitsDelivery(ticket.value)) {
      recheckDelay = FIRST_RECHECK_MS;
      return;
    }
    recheckTimer = setTimeout(() => {
      if (document.visibilityState === 'hidden') scheduleRecheck();
      else void load({ quiet: true });
    }, recheckDelay);
    recheckDelay = Math.min(recheckDelay * 2, LAST_RECHECK_MS);
  }

  /** Loads the ticket; `quiet` keeps showing the current one meanwhile. */
  async function load(options: { quiet?: boolean } = {}): Promise<void> {
    inFlight?.abort();
    inFlight = null;
    const early = takePrefetchedTicket(ticketRef.value);
    if (early?.value) {
      // Already here: shown in the page's first render, without a "loading" step in between.
      ticket.value = early.value;
      state.value = { kind: 'ready' };
      scheduleRecheck();
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    const started = generation;
    if (!options.quiet) state.value = { kind: 'loading' };
    try {
      const answer = await (early?.answer ?? fetchTicket(ticketRef.value, controller.signal));
      if (controller.signal.aborted || started !== generation) return;
      ticket.value = answer;
      state.value = { kind: 'ready' };
    } catch (error) {
      if (controller.signal.aborted || started !== generation) return;
      if (options.quiet && ticket.value) return;
      state.value =
        error instanceof ApiError && (error.status === 404 || error.status === 400)
          ? { kind: 'notFound' }
          : { kind: 'failed', message: errorText(error) };
    } finally {
      if (inFlight === controller) inFlight = null;
    }
    scheduleRecheck();
  }

  /** Puts the ticket as the API answered a change in place of the shown one. */
  function replace(next: TicketDetail): void {
    generation += 1;
    inFlight?.abort();
    ticket.value = next;
    state.value = { kind: 'ready' };
    recheckDelay = FIRST_RECHECK_MS;
    scheduleRecheck();
  }

  /** Loads again after a change whose answer is not the whole ticket (e.g. a new message). */
  function refresh(): Promise<void> {
    generation += 1;
    recheckDelay = FIRST_RECHECK_MS;
    return load({ quiet: true });
  }

  watch(ticketRef, () => {
    ticket.value = null;
    void load();
  }, { immediate: true });

  onScopeDispose(() => {
    disposed = true;
    clearTimeout(recheckTimer);
    inFlight?.abort();
  });

  return { ticket, state, reload: () => load(), refresh, replace };
}
