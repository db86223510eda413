export interface BatcherOptions {
  /** Most items handed to one call of the work. */
  maxBatch: number;
  /** Most calls of the work running at once; items arriving meanwhile wait and go together in the next call. */
  maxInFlight: number;
}

/**
 * Group commit: items submitted one by one are handed to `work` together.
 * Nothing waits for a timer: an item is sent at once when a call is free,
 * and while every call is busy the items that arrive gather into the next
 * batch. Under light load each item goes alone (no added latency); under
 * heavy load one round trip serves many items. `work` answers one result per
 * item, in order; if it throws, every item of that batch gets the error.
 */
export function createBatcher<T, R>(work: (items: T[]) => Promise<R[]>, options: BatcherOptions): (item: T) => Promise<R> {
  const waiting: { item: T; resolve: (result: R) => void; reject: (error: unknown) => void }[] = [];
  let inFlight = 0;

  const pump = (): void => {
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const batch = waiting.splice(0, options.maxBatch);
      inFlight += 1;
      work(batch.map((w) => w.item))
        .then(
          (results) => {
            if (results.length !== batch.length) throw new Error(`batch work answered ${results.length} results for ${batch.length} items`);
            batch.forEach((w, i) => w.resolve(results[i]));
          },
        )
        .catch((error: unknown) => batch.forEach((w) => w.reject(error)))
        .finally(() => {
          inFlight -= 1;
          pump();
        });
    }
  };

  return (item: T) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      pump();
    });
}
