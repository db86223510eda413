import { describe, expect, it } from '@jest/globals';
import type { BusinessCalendar } from '@okienko/domain';
import { needsBusinessTimes, responseBusinessTimes } from '../response-business-times.js';

const OFFICE: BusinessCalendar = {
  timeZone: 'Europe/Warsaw', weeklyPeriods: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, start: '08:00', end: '16:00' })), holidays: 'PL', extraDaysOff: [],
};
const at = (iso: string) => new Date(iso);
// Friday 15:00 in Warsaw; answered Monday 9:30; resolved Tuesday 10:00.
const base = {
  createdAt: at('2026-12-18T15:00:00+01:00'), firstResponseAt: null, resolvedAt: null, firstResponseBusinessSeconds: null, resolutionBusinessSeconds: null,
};

describe('responseBusinessTimes', () => {
  it('counts only working time from creation to the first response and to the resolution', () => {
    const answered = { ...base, firstResponseAt: at('2026-12-21T09:30:00+01:00') };
    expect(needsBusinessTimes(answered)).toBe(true);
    expect(responseBusinessTimes(answered, OFFICE)).toEqual({ firstResponseBusinessSeconds: (60 + 90) * 60 });
    const resolved = { ...answered, firstResponseBusinessSeconds: 9000, resolvedAt: at('2026-12-22T10:00:00+01:00') };
    expect(responseBusinessTimes(resolved, OFFICE)).toEqual({ resolutionBusinessSeconds: (60 + 480 + 120) * 60 });
  });

  it('counts each once, and forgets the resolution time of a reopened ticket', () => {
    const done = { ...base, firstResponseAt: at('2026-12-21T09:30:00+01:00'), firstResponseBusinessSeconds: 1, resolvedAt: at('2026-12-22T10:00:00+01:00'), resolutionBusinessSeconds: 2 };
    expect(needsBusinessTimes(done)).toBe(false);
    expect(responseBusinessTimes(done, OFFICE)).toEqual({});
    const reopened = { ...done, resolvedAt: null };
    expect(needsBusinessTimes(reopened)).toBe(true);
    expect(responseBusinessTimes(reopened, OFFICE)).toEqual({ resolutionBusinessSeconds: null });
    expect(needsBusinessTimes(base)).toBe(false);
  });
});
