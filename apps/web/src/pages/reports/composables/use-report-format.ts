import { computed } from 'vue';
import type { ReportGrouping } from '../../../entities/report/api';
import { currentLocale } from '../../../shared/i18n';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import { dateLocale } from '../../../shared/i18n/use-date-format';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Figures of the reports in the interface language: counts with the
 * language's digit grouping, percentages with one decimal, durations the way
 * people say them ("2 h 15 min", "3 d 4 h"); a missing figure is a dash.
 */
export function useReportFormat() {
  const { t } = useAppI18n();
  const integer = computed(() => new Intl.NumberFormat(currentLocale.value, { maximumFractionDigits: 0 }));
  const decimal = computed(() => new Intl.NumberFormat(currentLocale.value, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const signed = computed(() => new Intl.NumberFormat(currentLocale.value, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' }));
  const percentage = computed(
    () => new Intl.NumberFormat(currentLocale.value, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  );
  const dayMonth = computed(() => new Intl.DateTimeFormat(dateLocale(currentLocale.value), { day: 'numeric', month: 'short', timeZone: 'UTC' }));
  const monthYear = computed(() => new Intl.DateTimeFormat(dateLocale(currentLocale.value), { month: 'short', year: 'numeric', timeZone: 'UTC' }));
  const fullDate = computed(() => new Intl.DateTimeFormat(dateLocale(currentLocale.value), { dateStyle: 'medium', timeZone: 'UTC' }));
  const none = () => t('reports.common.none');

  function formatNumber(value: number | null | undefined): string {
    return value === null || value === undefined ? none() : integer.value.format(value);
  }

  /** A value that is already in percent (0–100). */
  function formatPercent(value: number | null | undefined): string {
    return value === null || value === undefined ? none() : percentage.value.format(value / 100);
  }

  function formatDecimal(value: number | null | undefined): string {
    return value === null || value === undefined ? none() : decimal.value.format(value);
  }

  /** A score that may be negative, e.g. NPS (−100 to 100), with one decimal and its sign. */
  function formatScore(value: number | null | undefined): string {
    return value === null || value === undefined ? none() : signed.value.format(value);
  }

  function formatDuration(seconds: number | null | undefined): string {
    if (seconds === null || seconds === undefined) return none();
    const total = Math.max(0, Math.round(seconds));
    const n = (value: number) => integer.value.format(value);
    if (total < MINUTE) return t('reports.duration.seconds', { s: n(total) });
    if (total < HOUR) return t('reports.duration.minutes', { m: n(Math.round(total / MINUTE)) });
    if (total < DAY) {
      const hours = Math.floor(total / HOUR);
      const minutes = Math.round((total % HOUR) / MINUTE);
      if (minutes === 60) return t('reports.duration.hours', { h: n(hours + 1) });
      return minutes === 0 ? t('reports.duration.hours', { h: n(hours) }) : t('reports.duration.hoursMinutes', { h: n(hours), m: n(minutes) });
    }
    const days = Math.floor(total / DAY);
    const hours = Math.round((total % DAY) / HOUR);
    if (hours === 24) return t('reports.duration.days', { d: n(days + 1) });
    return hours === 0 ? t('reports.duration.days', { d: n(days) }) : t('reports.duration.daysHours', { d: n(days), h: n(hours) });
  }

  /** Hours with one decimal, for chart axes. */
  function toHours(seconds: number | null | undefined): number | null {
    return seconds === null || seconds === undefined ? null : Math.round((seconds / HOUR) * 10) / 10;
  }

  /** The label of a bucket (its local start date, YYYY-MM-DD): "3 lis", "od 17 lis", "lis 2026". */
  function formatBucket(bucket: string, groupBy: ReportGrouping): string {
    const date = new Date(`${bucket}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return bucket;
    if (groupBy === 'month') return monthYear.value.format(date);
    const day = dayMonth.value.format(date);
    return groupBy === 'week' ? t('reports.common.weekOf', { date: day }) : day;
  }

  /** A calendar date (YYYY-MM-DD) in words, e.g. "22 lis 2026". */
  function formatDate(date: string): string {
    const at = new Date(`${date}T00:00:00Z`);
    return Number.isNaN(at.getTime()) ? date : fullDate.value.format(at);
  }

  return { formatDate, formatBucket, formatNumber, formatPercent, formatDecimal, formatScore, formatDuration, toHours };
}
