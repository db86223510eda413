import { computed } from 'vue';
import { currentLocale, type AppLocale } from './index';

// Made once per language: a long thread shows hundreds of dates, and making a formatter is the costly part.
const formatters = new Map<AppLocale, { dateTime: Intl.DateTimeFormat; full: Intl.DateTimeFormat }>();

function formattersOf(locale: AppLocale) {
  let made = formatters.get(locale);
  if (!made) {
    made = {
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }),
      full: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'medium' }),
    };
    formatters.set(locale, made);
  }
  return made;
}

/** Dates and times of tickets and messages, in the interface language. */
export function useDateFormat() {
  const current = computed(() => formattersOf(currentLocale.value));

  return {
    /** e.g. 12.03.2026, 14:05 */
    formatDateTime: (iso: string) => current.value.dateTime.format(new Date(iso)),
    /** e.g. 12 marca 2026 14:05:33, for tooltips */
    formatFull: (iso: string) => current.value.full.format(new Date(iso)),
  };
}
