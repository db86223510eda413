import { afterEach, describe, expect, it } from 'vitest';
import { setLocale } from '../../../../shared/i18n';
import { withSetup } from '../../../../shared/testing/with-setup';
import { useReportFormat } from '../use-report-format';

describe('figures of the reports', () => {
  afterEach(() => setLocale('pl'));

  it('says durations the way people do, rounding at the edges', () => {
    setLocale('pl');
    const { result, unmount } = withSetup(() => useReportFormat());
    const { formatDuration } = result;
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(125)).toBe('2 min');
    expect(formatDuration(2 * 3600)).toBe('2 h');
    expect(formatDuration(2 * 3600 + 15 * 60)).toBe('2 h 15 min');
    expect(formatDuration(2 * 3600 + 59 * 60 + 50)).toBe('3 h');
    expect(formatDuration(3 * 86400 + 4 * 3600)).toBe('3 d 4 h');
    expect(formatDuration(3 * 86400 + 23 * 3600 + 40 * 60)).toBe('4 d');
    expect(formatDuration(-5)).toBe('0 s');
    unmount();
  });

  it('writes numbers and percentages with the language’s separators and a dash when missing', () => {
    setLocale('pl');
    const { result, unmount } = withSetup(() => useReportFormat());
    expect(result.formatNumber(12345)).toBe('12\u00a0345');
    expect(result.formatPercent(87.25)).toBe('87,3%');
    expect(result.formatScore(-12.5)).toBe('-12,5');
    expect(result.formatScore(40)).toBe('+40,0');
    expect(result.formatNumber(null)).toBe(result.formatPercent(undefined));
    expect(result.formatNumber(null)).not.toBe('');
    setLocale('en');
    expect(result.formatNumber(12345)).toBe('12,345');
    expect(result.formatPercent(87.25)).toBe('87.3%');
    expect(result.formatDecimal(4.5)).toBe('4.50');
    unmount();
  });

  it('labels day, week and month buckets and keeps what it cannot read', () => {
    setLocale('en');
    const { result, unmount } = withSetup(() => useReportFormat());
    expect(result.formatBucket('2026-11-03', 'day')).toBe('3 Nov');
    expect(result.formatBucket('2026-11-01', 'month')).toBe('Nov 2026');
    expect(result.formatBucket('2026-11-16', 'week')).toContain('16 Nov');
    expect(result.formatBucket('not a date', 'day')).toBe('not a date');
    expect(result.toHours(5400)).toBe(1.5);
    expect(result.toHours(null)).toBeNull();
    unmount();
  });
});
