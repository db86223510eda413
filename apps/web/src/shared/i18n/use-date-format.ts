import { computed } from 'vue';
import { currentLocale, type AppLocale } from './index';

/**
 * The locale dates are written in for each interface language: Polish as in
 * Poland, English as in Britain (`7 Dec 2026, 09:34`), never the US form.
 */
export const DATE_LOCALES: Record<AppLocale, string> = { pl: 'pl-PL', en: 'en-GB' };

/** The locale for dates in the given interface language. */
export function dateLocale(locale: AppLocale): string {
  return DATE_LOCALES[locale];
}

// Made once per language: a long thread shows hundreds of dates, and making a formatter is the costly part.
const formatters = new Map<AppLocale, { dateTime: Intl.DateTimeFormat; full: Intl.DateTimeFormat }>();

function formattersOf(locale: AppLocale) {
  let made = formatters.get(locale);
  if (!made) {
    made = {
      dateTime:
        locale === 'en'
          ? new Intl.DateTimeFormat(DATE_LOCALES.en, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
          : new Intl.DateTimeFormat(DATE_LOCALES.pl, { dateStyle: 'short', timeStyle: 'short' }),
      full: new Intl.DateTimeFormat(DATE_LOCALES[locale], { dateStyle: 'long', timeStyle: 'medium', hourCycle: 'h23' }),
    };
    formatters.set(locale, made);
  }
  return made;
}

/** Dates and times of tickets and messages, in the interface language. */
export function useDateFormat() {
  const current = computed(() => formattersOf(currentLocale.value));

  return {
    /** e.g. 12.03.2026, 14:05 (Polish), 12 Mar 2026, 14:05 (English) */
    formatDateTime: (iso: string) => current.value.dateTime.format(new Date(iso)),
    /** e.g. 12 marca 2026 14:05:33, for tooltips */
    formatFull: (iso: string) => current.value.full.format(new Date(iso)),
  };
}
