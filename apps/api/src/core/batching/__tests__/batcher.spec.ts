import { describe, expect, it } from '@jest/globals';
import { createBatcher } from '../batcher.js';

/** A work function whose calls finish only when the test says so. */
function controlledWork() {
  const calls: { items: number[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const work = (items: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({ items, finish: () => resolve(items.map((i) => `#${i}`)), fail: reject });
    });
  return { calls, work };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createBatcher', () => {
  it('sends an item at once when a call is free, and gathers the ones arriving meanwhile into the next call', async () => {
    const { calls, work } = controlledWork();
    const submit = createBatcher(work, { maxBatch: 10, maxInFlight: 1 });
    const first = submit(1);
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1]]);
    const rest = [submit(2), submit(3), submit(4)];
    await tick();
    expect(calls).toHaveLength(1);
    calls[0].finish();
    expect(await first).toBe('#1');
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2, 3, 4]]);
    calls[1].finish();
    expect(await Promise.all(rest)).toEqual(['#2', '#3', '#4']);
  });

  it('keeps up to maxInFlight calls running and no batch above maxBatch', async () => {
    const { calls, work } = controlledWork();
    const submit = createBatcher(work, { maxBatch: 2, maxInFlight: 2 });
    const all = [1, 2, 3, 4, 5, 6].map((i) => submit(i));
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2]]);
    calls[0].finish();
    await tick();
    expect(calls.map((c) => c.items)).toEqual([[1], [2], [3, 4]]);
    calls[1].finish();
    await tick();
    calls[2].finish();
    await tick();
    calls[3].finish();
    expect(await Promise.all(all)).toEqual(['#1', '#2', '#3', '#4', '#5', '#6']);
    expect(calls.map((c) => c.items)).toEqual([[1], [2], [3, 4], [5, 6]]);
  });

  it('fails every item of a failed batch, and goes on with the next', async () => {
    const { calls, work } = controlledWork();
    const submit = createBatcher(work, { maxBatch: 10, maxInFlight: 1 });
    const a = submit(1);
    await tick();
    const b = [submit(2), submit(3)];
    calls[0].fail(new Error('database gone'));
    await expect(a).rejects.toThrow('database gone');
    await tick();
    calls[1].fail(new Error('still gone'));
    await expect(Promise.all(b)).rejects.toThrow('still gone');
    const c = submit(4);
    await tick();
    calls[2].finish();
    expect(await c).toBe('#4');
  });

  it('refuses a work function that answers the wrong number of results', async () => {
    const submit = createBatcher(async (items: number[]) => items.slice(1), { maxBatch: 5, maxInFlight: 1 });
    await expect(submit(1)).rejects.toThrow('answered 0 results for 1 items');
  });
});
