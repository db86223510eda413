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
    expect(formatDateTime(at)).toBe('3/12/26, 2:05 PM');
  });

  it('writes the month in words for tooltips', () => {
    const { formatFull } = useDateFormat();
    const at = new Date(2026, 2, 12, 14, 5, 33).toISOString();
    setLocale('pl');
    expect(formatFull(at)).toBe('12 marca 2026 14:05:33');
    setLocale('en');
    expect(formatFull(at)).toBe('March 12, 2026 at 2:05:33 PM');
  });
});
