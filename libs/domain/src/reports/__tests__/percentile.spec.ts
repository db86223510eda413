import { describe, expect, it } from '@jest/globals';
import { percentile } from '../percentile.js';

describe('percentile', () => {
  it('interpolates between the closest ranks like percentile_cont', () => {
    const values = [60, 10, 20, 30, 40, 50, 70, 80, 90, 1000];
    expect(percentile(values, 0.5)).toBe(55);
    expect(percentile(values, 0.9)).toBeCloseTo(181, 6);
    expect(percentile(values, 1)).toBe(1000);
    expect(percentile(values, 0)).toBe(10);
  });

  it('answers null for no values and the value itself for one', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([42], 0.9)).toBe(42);
  });

  it('refuses a p outside 0–1', () => {
    expect(() => percentile([1], 90)).toThrow(RangeError);
  });
});
