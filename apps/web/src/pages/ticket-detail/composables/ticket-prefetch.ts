import { fetchTicket, type TicketDetail } from '../../../entities/ticket/api';

/** A prefetched answer older than this is not used (the page loads afresh). */
const FRESH_MS = 5_000;

let prefetched: { ref: string; at: number; answer: Promise<TicketDetail> } | null = null;

/**
 * Starts loading a ticket while the router is still fetching the ticket
 * page's code, so the two overlap instead of following each other.
 */
export function prefetchTicket(ref: string): void {
  const answer = fetchTicket(ref);
  // Nobody may be waiting yet: a failure is reported when the page takes the answer.
  answer.catch(() => undefined);
  prefetched = { ref, at: Date.now(), answer };
}

/** The prefetched answer for `ref`, once (later loads fetch afresh); null when there is none or it is stale. */
export function takePrefetchedTicket(ref: string): Promise<TicketDetail> | null {
  const taken = prefetched;
  prefetched = null;
  return taken && taken.ref === ref && Date.now() - taken.at < FRESH_MS ? taken.answer : null;
}
