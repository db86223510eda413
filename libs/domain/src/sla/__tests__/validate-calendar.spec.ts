import { describe, expect, it } from '@jest/globals';
import { DEFAULT_CALENDAR, type BusinessCalendar } from '../business-calendar.js';
import { validateCalendar } from '../validate-calendar.js';

const valid: BusinessCalendar = {
  timeZone: 'Europe/Warsaw',
  weeklyPeriods: [
    { day: 1, start: '08:00', end: '12:00' },
    { day: 1, start: '13:00', end: '17:00' },
    { day: 6, start: '22:00', end: '24:00' },
    { day: 7, start: '00:00', end: '06:00' },
  ],
  holidays: 'PL',
  extraDaysOff: ['2026-12-31'],
  extraWorkingDays: [{ date: '2026-11-14', periods: [{ start: '10:00', end: '14:00' }] }],
};

const problemsOf = (overrides: Record<string, unknown>) => validateCalendar({ ...valid, ...overrides });

describe('validateCalendar', () => {
  it('accepts the default calendar, a split-day calendar with a night shift, touching periods and 24/7', () => {
    expect(DEFAULT_CALENDAR).toEqual({
      timeZone: 'Europe/Warsaw',
      weeklyPeriods: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '16:00' })),
      holidays: 'PL',
      extraDaysOff: [],
    });
    expect(Object.isFrozen(DEFAULT_CALENDAR.weeklyPeriods[0])).toBe(true);
    expect(validateCalendar(DEFAULT_CALENDAR)).toEqual([]);
    expect(validateCalendar(valid)).toEqual([]);
    expect(problemsOf({ weeklyPeriods: [{ day: 2, start: '08:00', end: '12:00' }, { day: 2, start: '12:00', end: '16:00' }] })).toEqual([]);
    const allWeek = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '24:00' }));
    expect(validateCalendar({ timeZone: 'UTC', weeklyPeriods: allWeek, holidays: 'none', extraDaysOff: [] })).toEqual([]);
  });

  it('refuses something that is not a calendar', () => {
    for (const value of [null, undefined, 'PL', 42, []]) {
      expect(validateCalendar(value)).toEqual([{ path: '', message: 'a calendar must be an object with timeZone, weeklyPeriods, holidays and extraDaysOff' }]);
    }
  });

  it('names an unknown or missing time zone', () => {
    expect(problemsOf({ timeZone: 'Europe/Warsw' })).toEqual([
      { path: 'timeZone', message: 'timeZone: "Europe/Warsw" is not a time zone we know; use an IANA name such as Europe/Warsaw' },
    ]);
    expect(problemsOf({ timeZone: '' })).toEqual([{ path: 'timeZone', message: 'timeZone: is required: the IANA name of a time zone, such as Europe/Warsaw' }]);
    expect(problemsOf({ timeZone: undefined })[0].path).toBe('timeZone');
  });

  it('names the period and the field of a bad weekday or time', () => {
    const problems = problemsOf({
      weeklyPeriods: [
        { day: 1, start: '08:00', end: '16:00' },
        { day: 8, start: '08:00', end: '16:00' },
        { day: 2, start: '8:00', end: '25:00' },
        { day: 3, start: '24:00', end: '24:00' },
        'Monday',
      ],
    });
    expect(problems).toEqual([
      { path: 'weeklyPeriods[1].day', message: 'weeklyPeriods[1].day: 8 is not a weekday; use 1 (Monday) to 7 (Sunday)' },
      { path: 'weeklyPeriods[2].start', message: 'weeklyPeriods[2].start: "8:00" is not a time of day; write HH:MM from 00:00 to 23:59' },
      { path: 'weeklyPeriods[2].end', message: 'weeklyPeriods[2].end: "25:00" is not a time of day; write HH:MM from 00:01 to 24:00' },
      { path: 'weeklyPeriods[3].start', message: 'weeklyPeriods[3].start: "24:00" is not a time of day; write HH:MM from 00:00 to 23:59' },
      { path: 'weeklyPeriods[4]', message: 'weeklyPeriods[4]: must be an object such as { "day": 1, "start": "08:00", "end": "16:00" }' },
    ]);
    expect(problemsOf({ weeklyPeriods: [{ day: 1, start: '08:60', end: '16:00' }] })[0].path).toBe('weeklyPeriods[0].start');
    expect(problemsOf({ weeklyPeriods: [{ day: 1.5, start: '08:00', end: '16:00' }] })[0].path).toBe('weeklyPeriods[0].day');
  });

  it('refuses a period that ends before it starts (no crossing midnight) and overlapping periods of one day', () => {
    expect(problemsOf({ weeklyPeriods: [{ day: 5, start: '22:00', end: '06:00' }] })).toEqual([
      {
        path: 'weeklyPeriods[0]',
        message: 'weeklyPeriods[0]: ends (06:00) before or when it starts (22:00); a period cannot cross midnight, split it into one ending at 24:00 and one starting at 00:00 the next day',
      },
    ]);
    expect(problemsOf({ weeklyPeriods: [{ day: 5, start: '08:00', end: '08:00' }] })[0].path).toBe('weeklyPeriods[0]');
    expect(
      problemsOf({
        weeklyPeriods: [
          { day: 1, start: '08:00', end: '12:00' },
          { day: 2, start: '11:00', end: '14:00' },
          { day: 1, start: '11:00', end: '14:00' },
        ],
      }),
    ).toEqual([
      {
        path: 'weeklyPeriods[2]',
        message: 'weeklyPeriods[2]: Monday 11:00–14:00 overlaps weeklyPeriods[0] (Monday 08:00–12:00); periods of one day must not overlap',
      },
    ]);
  });

  it('needs some working time, otherwise no deadline could ever be reached', () => {
    expect(problemsOf({ weeklyPeriods: [] })).toEqual([
      { path: 'weeklyPeriods', message: 'weeklyPeriods: at least one working period is needed, otherwise no business-time deadline can ever be reached' },
    ]);
    expect(problemsOf({ weeklyPeriods: 'Mon-Fri 8-16' })[0].path).toBe('weeklyPeriods');
  });

  it('knows the built-in holiday sets', () => {
    expect(problemsOf({ holidays: 'none' })).toEqual([]);
    expect(problemsOf({ holidays: 'DE' })).toEqual([{ path: 'holidays', message: 'holidays: must be "PL" (Polish public holidays) or "none", got "DE"' }]);
  });

  it('checks the extra days off: real dates, each once', () => {
    expect(problemsOf({ extraDaysOff: ['2026-02-30', '31.12.2026', '2026-05-04', '2026-05-04'] })).toEqual([
      { path: 'extraDaysOff[0]', message: 'extraDaysOff[0]: "2026-02-30" is not a date; write YYYY-MM-DD, e.g. 2026-12-31' },
      { path: 'extraDaysOff[1]', message: 'extraDaysOff[1]: "31.12.2026" is not a date; write YYYY-MM-DD, e.g. 2026-12-31' },
      { path: 'extraDaysOff[3]', message: 'extraDaysOff[3]: 2026-05-04 is already listed in extraDaysOff[2]' },
    ]);
    expect(problemsOf({ extraDaysOff: undefined })[0].path).toBe('extraDaysOff');
    expect(problemsOf({ extraDaysOff: ['2028-02-29'] })).toEqual([]);
  });

  it('checks the extra working days: a date not also off, not twice, with valid non-overlapping periods', () => {
    expect(problemsOf({ extraWorkingDays: undefined })).toEqual([]);
    expect(
      problemsOf({
        extraWorkingDays: [
          { date: '2026-12-31', periods: [{ start: '08:00', end: '12:00' }] },
          { date: '2026-11-14', periods: [] },
          { date: '2026-11-14', periods: [{ start: '08:00', end: '12:00' }, { start: '10:00', end: '11:00' }, { start: '13:00', end: '12:00' }] },
          { date: 'sobota', periods: [{ start: '08:00', end: '12:00' }] },
          '2026-11-21',
        ],
      }),
    ).toEqual([
      {
        path: 'extraWorkingDays[0].date',
        message: 'extraWorkingDays[0].date: 2026-12-31 is also listed in extraDaysOff[0]; a day cannot be both off and worked',
      },
      { path: 'extraWorkingDays[1].periods', message: 'extraWorkingDays[1].periods: at least one period such as { "start": "08:00", "end": "16:00" } is needed' },
      { path: 'extraWorkingDays[2].date', message: 'extraWorkingDays[2].date: 2026-11-14 is already listed in extraWorkingDays[1].date' },
      {
        path: 'extraWorkingDays[2].periods[1]',
        message: 'extraWorkingDays[2].periods[1]: 2026-11-14 10:00–11:00 overlaps extraWorkingDays[2].periods[0] (2026-11-14 08:00–12:00); periods of one day must not overlap',
      },
      {
        path: 'extraWorkingDays[2].periods[2]',
        message: 'extraWorkingDays[2].periods[2]: ends (12:00) before or when it starts (13:00); a period cannot cross midnight, split it into one ending at 24:00 and one starting at 00:00 the next day',
      },
      { path: 'extraWorkingDays[3].date', message: 'extraWorkingDays[3].date: "sobota" is not a date; write YYYY-MM-DD, e.g. 2026-11-14' },
      {
        path: 'extraWorkingDays[4]',
        message: 'extraWorkingDays[4]: must be an object such as { "date": "2026-11-14", "periods": [{ "start": "08:00", "end": "16:00" }] }',
      },
    ]);
    expect(problemsOf({ extraWorkingDays: {} })[0].path).toBe('extraWorkingDays');
  });
});
