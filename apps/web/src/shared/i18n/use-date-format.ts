import { computed } from 'vue';
import { currentLocale } from './index';

/** Dates and times of tickets and messages, in the interface language. */
export function useDateFormat() {
  const dateTime = computed(() => new Intl.DateTimeFormat(currentLocale.value, { dateStyle: 'short', timeStyle: 'short' }));
  const full = computed(() => new Intl.DateTimeFormat(currentLocale.value, { dateStyle: 'long', timeStyle: 'medium' }));

  return {
    /** e.g. 12.03.2026, 14:05 */
    formatDateTime: (iso: string) => dateTime.value.format(new Date(iso)),
    /** e.g. 12 marca 2026 14:05:33, for tooltips */
    formatFull: (iso: string) => full.value.format(new Date(iso)),
  };
}
