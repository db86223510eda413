import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../index';
import { useDateFormat } from '../use-date-format';

describe('dates of tickets and messages', () => {
  afterEach(() => setLocale('pl'));

  it('follows the interface language', () => {
    const { formatDateTime } = useDateFormat();
    // Local time of the test machine; only the shape differs between languages.
    const at = new Date(2026, 2, 12, 14, 5, 33).toISOString();
    setLocale('pl');
    expect(formatDateTime(at)).toBe('12.03.2026, 14:05');
    setLocale('en');
    // British, never the US form.
    expect(formatDateTime(at)).toBe('12 Mar 2026, 14:05');
    expect(formatDateTime(new Date(2026, 11, 7, 9, 34).toISOString())).toBe('7 Dec 2026, 09:34');
  });

  it('writes the month in words for tooltips', () => {
    const { formatFull } = useDateFormat();
    const at = new Date(2026, 2, 12, 14, 5, 33).toISOString();
    setLocale('pl');
    expect(formatFull(at)).toBe('12 marca 2026 14:05:33');
    setLocale('en');
    expect(formatFull(at)).toBe('12 March 2026 at 14:05:33');
  });
});
