import { describe, expect, it } from '@jest/globals';
import { polishPublicHolidays } from '../polish-public-holidays.js';

const weekday = (date: string) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${date}T12:00:00Z`).getUTCDay()];

describe('polishPublicHolidays', () => {
  it('lists the fourteen days off of 2026 in date order, with their Polish names', () => {
    expect(polishPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nowy Rok' },
      { date: '2026-01-06', name: 'Święto Trzech Króli' },
      { date: '2026-04-05', name: 'Wielkanoc' },
      { date: '2026-04-06', name: 'Poniedziałek Wielkanocny' },
      { date: '2026-05-01', name: 'Święto Pracy' },
      { date: '2026-05-03', name: 'Święto Konstytucji 3 Maja' },
      { date: '2026-05-24', name: 'Zielone Świątki' },
      { date: '2026-06-04', name: 'Boże Ciało' },
      { date: '2026-08-15', name: 'Wniebowzięcie Najświętszej Maryi Panny' },
      { date: '2026-11-01', name: 'Wszystkich Świętych' },
      { date: '2026-11-11', name: 'Narodowe Święto Niepodległości' },
      { date: '2026-12-24', name: 'Wigilia Bożego Narodzenia' },
      { date: '2026-12-25', name: 'Boże Narodzenie (pierwszy dzień)' },
      { date: '2026-12-26', name: 'Boże Narodzenie (drugi dzień)' },
    ]);
  });

  it.each([
    // year, Easter Sunday, Easter Monday, Pentecost (Easter + 49), Corpus Christi (Easter + 60)
    [2026, '2026-04-05', '2026-04-06', '2026-05-24', '2026-06-04'],
    [2027, '2027-03-28', '2027-03-29', '2027-05-16', '2027-05-27'],
    [2028, '2028-04-16', '2028-04-17', '2028-06-04', '2028-06-15'],
  ])('moves Easter, Easter Monday, Pentecost and Corpus Christi with Easter in %i', (year, easter, monday, pentecost, corpusChristi) => {
    const byName = new Map(polishPublicHolidays(year).map((h) => [h.name, h.date]));
    expect(byName.get('Wielkanoc')).toBe(easter);
    expect(byName.get('Poniedziałek Wielkanocny')).toBe(monday);
    expect(byName.get('Zielone Świątki')).toBe(pentecost);
    expect(byName.get('Boże Ciało')).toBe(corpusChristi);
    expect([easter, monday, pentecost, corpusChristi].map(weekday)).toEqual(['Sun', 'Mon', 'Sun', 'Thu']);
  });

  it('has Christmas Eve off only from 2025', () => {
    const dates = (year: number) => polishPublicHolidays(year).map((h) => h.date);
    expect(dates(2024)).not.toContain('2024-12-24');
    expect(dates(2024)).toHaveLength(13);
    expect(dates(2025)).toContain('2025-12-24');
    expect(dates(2025)).toHaveLength(14);
  });

  it('has Epiphany off only from 2011', () => {
    expect(polishPublicHolidays(2010).map((h) => h.date)).not.toContain('2010-01-06');
    expect(polishPublicHolidays(2011).map((h) => h.date)).toContain('2011-01-06');
  });

  it('stays in date order without duplicates, also in years with an early Easter (Easter Monday in March)', () => {
    for (const year of [2008, 2016, 2027, 2285]) {
      const dates = polishPublicHolidays(year).map((h) => h.date);
      expect(dates).toEqual([...dates].sort());
      expect(new Set(dates).size).toBe(dates.length);
    }
  });

  it('refuses years it cannot compute', () => {
    expect(() => polishPublicHolidays(1500)).toThrow(RangeError);
  });
});
