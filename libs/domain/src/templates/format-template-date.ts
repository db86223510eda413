import type { TemplateLanguage } from './template-language.js';

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A moment as a customer reads it in a mail, in the helpdesk's time zone:
 * `21.05.2026 14:03` in Polish, `21 May 2026, 14:03` in English. Built from
 * numeric parts, so it does not change with the ICU version.
 */
export function formatTemplateDate(date: Date, timeZone: string, language: TemplateLanguage): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const day = part('day').padStart(2, '0');
  const month = Number(part('month'));
  const time = `${part('hour').padStart(2, '0')}:${part('minute').padStart(2, '0')}`;
  return language === 'en'
    ? `${Number(day)} ${ENGLISH_MONTHS[month - 1]} ${part('year')}, ${time}`
    : `${day}.${String(month).padStart(2, '0')}.${part('year')} ${time}`;
}
