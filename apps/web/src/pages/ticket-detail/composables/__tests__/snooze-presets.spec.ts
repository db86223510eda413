import { describe, expect, it } from 'vitest';
import { snoozePresets, toLocalInput } from '../snooze-presets';

describe('snooze presets', () => {
  it('offers tomorrow 9:00, next Monday 9:00 and the same time in a week', () => {
    // Wednesday 9 December 2026, 15:20 local time.
    const presets = snoozePresets(new Date(2026, 11, 9, 15, 20));
    expect(presets.map((p) => [p.key, toLocalInput(p.until)])).toEqual([
      ['tomorrow', '2026-12-10T09:00'],
      ['nextMonday', '2026-12-14T09:00'],
      ['inWeek', '2026-12-16T15:20'],
    ]);
  });

  it('on a Monday, next Monday is a week on; at the end of a month tomorrow is in the next one', () => {
    const monday = snoozePresets(new Date(2026, 11, 7, 8, 0));
    expect(toLocalInput(monday[1].until)).toBe('2026-12-14T09:00');
    expect(toLocalInput(snoozePresets(new Date(2026, 11, 31, 22, 0))[0].until)).toBe('2027-01-01T09:00');
  });
});
