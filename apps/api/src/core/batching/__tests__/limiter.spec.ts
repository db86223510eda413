import { describe, expect, it } from '@jest/globals';
import { createLimiter } from '../limiter.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Work that finishes (or fails) only when the test says so, recording that it started. */
function controlled(started: number[], id: number) {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<number>((resolve, reject) => {
    finish = () => resolve(id);
    fail = reject;
  });
  return {
    work: () => {
      started.push(id);
      return done;
    },
    finish: () => finish(),
    fail: (error: Error) => fail(error),
  };
}

describe('createLimiter', () => {
  it('runs at most max pieces of work at once and starts the waiting ones in order as others end', async () => {
    const limit = createLimiter(2);
    const started: number[] = [];
    const works = [1, 2, 3, 4].map((id) => controlled(started, id));
    const results = works.map((w) => limit(w.work));
    await tick();
    expect(started).toEqual([1, 2]);
    works[1].finish();
    expect(await results[1]).toBe(2);
    await tick();
    expect(started).toEqual([1, 2, 3]);
    works[0].finish();
    works[2].finish();
    await tick();
    expect(started).toEqual([1, 2, 3, 4]);
    works[3].finish();
    expect(await Promise.all(results)).toEqual([1, 2, 3, 4]);
  });

  it('a failing piece of work gives its place to the next one and its error to its caller only', async () => {
    const limit = createLimiter(1);
    const started: number[] = [];
    const [bad, good] = [1, 2].map((id) => controlled(started, id));
    const failing = limit(bad.work);
    const next = limit(good.work);
    await tick();
    expect(started).toEqual([1]);
    bad.fail(new Error('refused'));
    await expect(failing).rejects.toThrow('refused');
    await tick();
    expect(started).toEqual([1, 2]);
    good.finish();
    expect(await next).toBe(2);
  });
});
