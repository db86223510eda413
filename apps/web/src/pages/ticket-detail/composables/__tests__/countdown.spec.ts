import { describe, expect, it } from 'vitest';
import { countdownParts } from '../countdown';

const NOW = Date.parse('2026-03-12T10:00:00Z');

describe('the countdown to a deadline', () => {
  it('names the two largest units left, rounded down', () => {
    expect(countdownParts('2026-03-14T15:59:59Z', NOW)).toEqual({ overdue: false, unit: 'days', major: 2, minor: 5 });
    expect(countdownParts('2026-03-12T13:07:59Z', NOW)).toEqual({ overdue: false, unit: 'hours', major: 3, minor: 7 });
    expect(countdownParts('2026-03-12T10:12:30Z', NOW)).toEqual({ overdue: false, unit: 'minutes', major: 12, minor: 30 });
    expect(countdownParts('2026-03-12T10:00:00Z', NOW)).toEqual({ overdue: false, unit: 'minutes', major: 0, minor: 0 });
  });

  it('counts how long ago a missed deadline passed', () => {
    expect(countdownParts('2026-03-12T09:59:15Z', NOW)).toEqual({ overdue: true, unit: 'minutes', major: 0, minor: 45 });
    expect(countdownParts('2026-03-11T08:00:00Z', NOW)).toEqual({ overdue: true, unit: 'days', major: 1, minor: 2 });
  });

  it('switches units exactly at an hour and a day', () => {
    expect(countdownParts('2026-03-12T11:00:00Z', NOW).unit).toBe('hours');
    expect(countdownParts('2026-03-12T10:59:59Z', NOW).unit).toBe('minutes');
    expect(countdownParts('2026-03-13T10:00:00Z', NOW).unit).toBe('days');
  });
});
