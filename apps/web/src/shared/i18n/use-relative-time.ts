import { computed, onScopeDispose, ref } from 'vue';
import { currentLocale, type AppLocale } from './index';

// Polish reads best abbreviated ("za 2 godz."), English spelled out ("in 2 hours").
const STYLE: Record<AppLocale, Intl.RelativeTimeFormatStyle> = { pl: 'short', en: 'long' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "za 2 godz." / "3 godz. temu" in the interface language, kept fresh while the page is open. */
export function useRelativeTime(refreshMs = 30_000) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), refreshMs);
  onScopeDispose(() => clearInterval(timer));

  const format = computed(
    () => new Intl.RelativeTimeFormat(currentLocale.value, { numeric: 'always', style: STYLE[currentLocale.value] }),
  );

  function formatRelative(iso: string): string {
    const diff = new Date(iso).getTime() - now.value;
    const size = Math.abs(diff);
    if (size < HOUR) return format.value.format(Math.round(diff / MINUTE), 'minute');
    if (size < DAY) return format.value.format(Math.round(diff / HOUR), 'hour');
    return format.value.format(Math.round(diff / DAY), 'day');
  }

  return { now, formatRelative };
}
