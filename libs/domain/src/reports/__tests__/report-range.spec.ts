import { describe, expect, it } from '@jest/globals';
import { defaultReportDates, localMidnight, reportBuckets, resolveReportRange, type ReportRange } from '../report-range.js';

const range = (from: string, to: string, timeZone = 'Europe/Warsaw'): ReportRange => {
  const resolved = resolveReportRange({ from, to, timeZone });
  if (Array.isArray(resolved)) throw new Error(JSON.stringify(resolved));
  return resolved;
};
const hours = (b: { start: Date; end: Date }) => (b.end.getTime() - b.start.getTime()) / 3_600_000;

describe('resolveReportRange', () => {
  it('spans local midnights of the first and the day after the last date', () => {
    const r = range('2026-01-01', '2026-01-31');
    expect(r.start.toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(r.end.toISOString()).toBe('2026-01-31T23:00:00.000Z');
    const ny = range('2026-07-01', '2026-07-01', 'America/New_York');
    expect(ny.start.toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(ny.end.toISOString()).toBe('2026-07-02T04:00:00.000Z');
  });

  it('names each bad field', () => {
    expect(resolveReportRange({ from: '2026-02-30', to: 'jutro', timeZone: 'Mars/Olympus' })).toEqual([
      expect.objectContaining({ field: 'from' }), expect.objectContaining({ field: 'to' }), expect.objectContaining({ field: 'tz' }),
    ]);
    expect(resolveReportRange({ from: '2026-03-02', to: '2026-03-01', timeZone: 'UTC' })).toEqual([
      { field: 'from', message: 'from (2026-03-02) must not be after to (2026-03-01)' },
    ]);
    expect(resolveReportRange({ from: '2010-01-01', to: '2026-03-01', timeZone: 'UTC' })).toEqual([expect.objectContaining({ field: 'to' })]);
  });

  it('gives local midnight in any zone', () => {
    expect(localMidnight('Europe/Warsaw', '2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(localMidnight('Europe/Warsaw', '2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('defaults to the last 30 days on the zone\'s wall clock', () => {
    // 23:30 UTC on 31 December is already 1 January in Warsaw.
    expect(defaultReportDates('Europe/Warsaw', new Date('2026-12-31T23:30:00Z'))).toEqual({ from: '2026-12-03', to: '2027-01-01' });
    expect(defaultReportDates('UTC', new Date('2026-12-31T23:30:00Z'), 1)).toEqual({ from: '2026-12-31', to: '2026-12-31' });
  });
});

describe('reportBuckets', () => {
  it('makes a 23-hour and a 25-hour day at the clock changes in Warsaw', () => {
    const spring = reportBuckets(range('2026-03-28', '2026-03-30'), 'day');
    expect(spring.map((b) => b.key)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(spring.map(hours)).toEqual([24, 23, 24]);
    const autumn = reportBuckets(range('2026-10-24', '2026-10-26'), 'day');
    expect(autumn.map(hours)).toEqual([24, 25, 24]);
    expect(autumn[1]!.start.toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('starts weeks on the ISO Monday and cuts the first and last to the range', () => {
    const weeks = reportBuckets(range('2026-03-25', '2026-04-07'), 'week');
    expect(weeks.map((b) => b.key)).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
    expect(weeks[0]!.start.toISOString()).toBe('2026-03-24T23:00:00.000Z'); // Wednesday 25 March, local midnight
    expect(hours(weeks[0]!)).toBe(5 * 24 - 1); // Wed–Sun, with the spring change
    expect(weeks[2]!.end.toISOString()).toBe('2026-04-07T22:00:00.000Z');
  });

  it('makes every month in the range, also empty ones, across a year end', () => {
    const months = reportBuckets(range('2025-11-15', '2026-02-03'), 'month');
    expect(months.map((b) => b.key)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(months[1]!.start.toISOString()).toBe('2025-11-30T23:00:00.000Z');
    expect(months[3]!.end.toISOString()).toBe('2026-02-03T23:00:00.000Z');
  });

  it('follows the time zone it is given', () => {
    const days = reportBuckets(range('2026-11-01', '2026-11-02', 'America/New_York'), 'day');
    expect(days.map(hours)).toEqual([25, 24]);
    expect(days[0]!.start.toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });
});
