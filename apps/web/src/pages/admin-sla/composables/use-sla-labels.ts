import type { SlaTarget } from '../../../entities/sla-policy/api';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';

/** SLA targets and weekdays in words. */
export function useSlaLabels() {
  const { t, n } = useAppI18n();

  function targetText(target: SlaTarget | null): string {
    if (!target) return t('admin.sla.noTarget');
    const hours = target.minutes / 60;
    const amount = Number.isInteger(hours) ? t('admin.sla.hours', { n: n(hours) }, hours) : t('admin.sla.minutes', { n: n(target.minutes) }, target.minutes);
    return `${amount} (${t(`admin.sla.mode.${target.mode}`)})`;
  }

  const weekday = (day: number) => t(`admin.sla.weekday.d${day as 1 | 2 | 3 | 4 | 5 | 6 | 7}`);

  return { targetText, weekday };
}
