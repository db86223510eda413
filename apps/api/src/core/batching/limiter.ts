/**
 * At most `max` pieces of work running at once; the others wait their turn,
 * first come first served. For work that holds something scarce while it
 * runs (a database connection for a whole transaction), so that many callers
 * at once queue here instead of crowding the pool everybody else needs too.
 */
export function createLimiter(max: number): <T>(work: () => Promise<T>) => Promise<T> {
  const waiting: (() => void)[] = [];
  let running = 0;

  const release = (): void => {
    running -= 1;
    const next = waiting.shift();
    if (next) {
      running += 1;
      next();
    }
  };

  return async <T>(work: () => Promise<T>): Promise<T> => {
    if (running < max) running += 1;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await work();
    } finally {
      release();
    }
  };
}
