import { onScopeDispose, ref } from 'vue';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import { countdownParts } from './countdown';

/** Deadlines counting down by the second while the page is open: "za 3 h 07 min", "5 min 12 s po terminie". */
export function useCountdown(tickMs = 1_000) {
  const { t } = useAppI18n();
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), tickMs);
  onScopeDispose(() => clearInterval(timer));

  function formatCountdown(dueAt: string): string {
    const { overdue, unit, major, minor } = countdownParts(dueAt, now.value);
    const pad = (value: number) => (unit === 'days' ? String(value) : String(value).padStart(2, '0'));
    const amount = t(`deadlines.units.${unit}`, { major, minor: pad(minor) });
    return overdue ? t('deadlines.overdue', { amount }) : t('deadlines.left', { amount });
  }

  return { now, formatCountdown };
}
