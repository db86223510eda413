import { describe, it, expect } from '@jest/globals';
import {
  findTicketNumbersInSubject,
  formatTicketNumber,
  parseTicketNumber,
  ticketSubjectTag,
  yearInTimeZone,
} from '../ticket-number.js';

describe('formatTicketNumber', () => {
  it('pads the sequence to six digits', () => {
    expect(formatTicketNumber(2026, 1)).toBe('2026-000001');
    expect(formatTicketNumber(2026, 123)).toBe('2026-000123');
    expect(formatTicketNumber(2026, 999_999)).toBe('2026-999999');
  });

  it('grows beyond six digits instead of wrapping', () => {
    expect(formatTicketNumber(2026, 1_000_000)).toBe('2026-1000000');
    expect(formatTicketNumber(2026, 1_234_567)).toBe('2026-1234567');
    expect(formatTicketNumber(2026, Number.MAX_SAFE_INTEGER)).toBe(`2026-${Number.MAX_SAFE_INTEGER}`);
  });

  it('accepts the whole year range', () => {
    expect(formatTicketNumber(1970, 5)).toBe('1970-000005');
    expect(formatTicketNumber(9999, 5)).toBe('9999-000005');
  });

  it.each([0, -1, 1.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])('rejects the sequence %p', (sequence) => {
    expect(() => formatTicketNumber(2026, sequence)).toThrow(RangeError);
  });

  it.each([1969, 10_000, 0, -2026, 2026.5, Number.NaN])('rejects the year %p', (year) => {
    expect(() => formatTicketNumber(year, 1)).toThrow(RangeError);
  });

  it('rejects values that only look like numbers', () => {
    expect(() => formatTicketNumber('2026' as unknown as number, 1)).toThrow(RangeError);
    expect(() => formatTicketNumber(2026, '1' as unknown as number)).toThrow(RangeError);
  });
});

describe('parseTicketNumber', () => {
  it('reads what formatTicketNumber writes', () => {
    expect(parseTicketNumber('2026-000123')).toEqual({ year: 2026, sequence: 123 });
    expect(parseTicketNumber('2026-999999')).toEqual({ year: 2026, sequence: 999_999 });
    expect(parseTicketNumber('2026-1000000')).toEqual({ year: 2026, sequence: 1_000_000 });
    expect(parseTicketNumber('1970-000001')).toEqual({ year: 1970, sequence: 1 });
  });

  it('round-trips', () => {
    for (const [year, sequence] of [[2026, 1], [2027, 42], [2030, 999_999], [2031, 1_000_000], [9999, 123_456_789]]) {
      expect(parseTicketNumber(formatTicketNumber(year, sequence))).toEqual({ year, sequence });
    }
  });

  it.each([
    '',
    '2026',
    '2026-',
    '2026-123',
    '2026-00123',
    '2026-000000',
    '2026-0000123',
    '1969-000001',
    '0999-000001',
    '26-000123',
    '12026-000123',
    ' 2026-000123',
    '2026-000123 ',
    '2026-000123\n',
    '[#2026-000123]',
    '2026_000123',
    '2026–000123',
    '2026-00012a',
    '2026-+00123',
    '２０２６-０００１２３',
    '2026-99999999999999999999',
  ])('rejects %p', (text) => {
    expect(parseTicketNumber(text)).toBeNull();
  });

  it('rejects non-strings', () => {
    expect(parseTicketNumber(null as unknown as string)).toBeNull();
    expect(parseTicketNumber(2026000123 as unknown as string)).toBeNull();
  });
});

describe('ticketSubjectTag', () => {
  it('wraps the number in [# ]', () => {
    expect(ticketSubjectTag('2026-000123')).toBe('[#2026-000123]');
    expect(ticketSubjectTag('2026-1000000')).toBe('[#2026-1000000]');
  });

  it('refuses something that is not a ticket number', () => {
    expect(() => ticketSubjectTag('123')).toThrow(RangeError);
    expect(() => ticketSubjectTag('2026-000123]')).toThrow(RangeError);
  });

  it('is found again by findTicketNumbersInSubject', () => {
    const number = formatTicketNumber(2026, 77);
    expect(findTicketNumbersInSubject(`Re: Reklamacja ${ticketSubjectTag(number)}`)).toEqual([number]);
  });
});

describe('findTicketNumbersInSubject', () => {
  it('finds a tag anywhere in the subject', () => {
    expect(findTicketNumbersInSubject('[#2026-000123]')).toEqual(['2026-000123']);
    expect(findTicketNumbersInSubject('Re: Zamówienie nr 55 [#2026-000123]')).toEqual(['2026-000123']);
    expect(findTicketNumbersInSubject('AW: [#2026-000123] Zwrot')).toEqual(['2026-000123']);
    expect(findTicketNumbersInSubject('Odp:[#2026-000123]Zwrot')).toEqual(['2026-000123']);
  });

  it('finds every tag, in order, each once', () => {
    expect(findTicketNumbersInSubject('Re: [#2026-000123] Fwd: [#2025-004567] Re: [#2026-000123]')).toEqual(['2026-000123', '2025-004567']);
  });

  it('tolerates whitespace inside the brackets and writes the number canonically', () => {
    expect(findTicketNumbersInSubject('Re: [# 2026-000123 ]')).toEqual(['2026-000123']);
    expect(findTicketNumbersInSubject('Re: [ #2026-000123]')).toEqual(['2026-000123']);
    expect(findTicketNumbersInSubject('Re: [#\t2026-000123\u00a0]')).toEqual(['2026-000123']);
    expect(findTicketNumbersInSubject('[#2026-000123] and [# 2026-000123 ]')).toEqual(['2026-000123']);
    expect(findTicketNumbersInSubject('[#2026-0000123]')).toEqual(['2026-000123']);
  });

  it('finds seven-digit sequences', () => {
    expect(findTicketNumbersInSubject('Re: [#2026-1234567]')).toEqual(['2026-1234567']);
  });

  it('ignores things that are not our tags', () => {
    expect(findTicketNumbersInSubject('')).toEqual([]);
    expect(findTicketNumbersInSubject('Zamówienie 2026-000123')).toEqual([]);
    expect(findTicketNumbersInSubject('[2026-000123]')).toEqual([]);
    expect(findTicketNumbersInSubject('#2026-000123')).toEqual([]);
    expect(findTicketNumbersInSubject('[#2026-00123]')).toEqual([]);
    expect(findTicketNumbersInSubject('[#2026-000000]')).toEqual([]);
    expect(findTicketNumbersInSubject('[#1969-000001]')).toEqual([]);
    expect(findTicketNumbersInSubject('[#2026-000123')).toEqual([]);
    expect(findTicketNumbersInSubject('[#2026-000123x]')).toEqual([]);
    expect(findTicketNumbersInSubject('[#Ticket#2026-000123]')).toEqual([]);
    expect(findTicketNumbersInSubject('[#2026-99999999999999999999]')).toEqual([]);
  });

  it('survives a missing subject', () => {
    expect(findTicketNumbersInSubject(undefined as unknown as string)).toEqual([]);
    expect(findTicketNumbersInSubject(null as unknown as string)).toEqual([]);
  });

  it('gives the same answer when called repeatedly (no regex state leaks between calls)', () => {
    const subject = 'Re: [#2026-000123]';
    expect(findTicketNumbersInSubject(subject)).toEqual(['2026-000123']);
    expect(findTicketNumbersInSubject(subject)).toEqual(['2026-000123']);
  });
});

describe('yearInTimeZone', () => {
  it('is already next year in Warsaw half an hour before midnight UTC on New Year’s Eve', () => {
    expect(yearInTimeZone(new Date('2026-12-31T23:30:00Z'), 'Europe/Warsaw')).toBe(2027);
    expect(yearInTimeZone(new Date('2026-12-31T23:30:00Z'), 'UTC')).toBe(2026);
  });

  it('turns exactly at local midnight (CET = UTC+1 in winter)', () => {
    expect(yearInTimeZone(new Date('2026-12-31T22:59:59.999Z'), 'Europe/Warsaw')).toBe(2026);
    expect(yearInTimeZone(new Date('2026-12-31T23:00:00.000Z'), 'Europe/Warsaw')).toBe(2027);
  });

  it('is still last year west of Greenwich', () => {
    expect(yearInTimeZone(new Date('2027-01-01T03:00:00Z'), 'America/New_York')).toBe(2026);
    expect(yearInTimeZone(new Date('2027-01-01T05:00:00Z'), 'America/New_York')).toBe(2027);
  });

  it('follows summer time where New Year falls in it (Sydney is UTC+11 in January)', () => {
    expect(yearInTimeZone(new Date('2026-12-31T12:59:59Z'), 'Australia/Sydney')).toBe(2026);
    expect(yearInTimeZone(new Date('2026-12-31T13:00:00Z'), 'Australia/Sydney')).toBe(2027);
  });

  it('handles the extreme offsets', () => {
    expect(yearInTimeZone(new Date('2026-12-31T10:00:00Z'), 'Pacific/Kiritimati')).toBe(2027);
    // Pago Pago is UTC-11: its New Year starts at 11:00 UTC.
    expect(yearInTimeZone(new Date('2027-01-01T10:59:59Z'), 'Pacific/Pago_Pago')).toBe(2026);
    expect(yearInTimeZone(new Date('2027-01-01T11:00:00Z'), 'Pacific/Pago_Pago')).toBe(2027);
  });

  it('is unaffected by the DST switches inside the year', () => {
    // Warsaw: spring forward 2026-03-29 01:00Z, fall back 2026-10-25 01:00Z.
    for (const iso of ['2026-03-29T00:59:59Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:59Z', '2026-10-25T01:00:00Z']) {
      expect(yearInTimeZone(new Date(iso), 'Europe/Warsaw')).toBe(2026);
    }
  });

  it('rejects an unknown time zone and an invalid date', () => {
    expect(() => yearInTimeZone(new Date('2026-01-01T00:00:00Z'), 'Europe/Nowhere')).toThrow(RangeError);
    expect(() => yearInTimeZone(new Date('garbage'), 'Europe/Warsaw')).toThrow(RangeError);
  });

  it('feeds formatTicketNumber', () => {
    const year = yearInTimeZone(new Date('2026-12-31T23:30:00Z'), 'Europe/Warsaw');
    expect(formatTicketNumber(year, 1)).toBe('2027-000001');
  });
});
