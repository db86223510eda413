import { fetchTicket, type TicketDetail } from '../../../entities/ticket/api';

/** A prefetched answer older than this is not used (the page loads afresh). */
const FRESH_MS = 5_000;

/** A prefetched ticket: the answer on its way, and the ticket itself once it has come. */
export interface PrefetchedTicket {
  answer: Promise<TicketDetail>;
  value?: TicketDetail;
}

let prefetched: (PrefetchedTicket & { ref: string; at: number }) | null = null;

const isFresh = (entry: { at: number }) => Date.now() - entry.at < FRESH_MS;

/**
 * Starts loading a ticket while the panel is still starting and the router is
 * fetching the ticket page's code, so they overlap instead of following each
 * other. Asking again for the same ticket while its answer is fresh starts nothing.
 */
export function prefetchTicket(ref: string): void {
  if (prefetched && prefetched.ref === ref && isFresh(prefetched)) return;
  const entry: PrefetchedTicket & { ref: string; at: number } = { ref, at: Date.now(), answer: fetchTicket(ref) };
  // Nobody may be waiting yet: a failure is reported when the page takes the answer.
  entry.answer.then(
    (ticket) => (entry.value = ticket),
    () => undefined,
  );
  prefetched = entry;
}

/**
 * The prefetched ticket for `ref`, once (later loads fetch afresh); null when
 * there is none or it is stale. `value` is there when the answer has already
 * come, so the page can show the ticket in its very first render.
 */
export function takePrefetchedTicket(ref: string): PrefetchedTicket | null {
  const taken = prefetched;
  prefetched = null;
  return taken && taken.ref === ref && isFresh(taken) ? { answer: taken.answer, value: taken.value } : null;
}
