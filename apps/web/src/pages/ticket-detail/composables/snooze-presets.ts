/** The moments the Snooze menu offers, in the browser's time zone. */
export interface SnoozePreset {
  key: 'tomorrow' | 'nextMonday' | 'inWeek';
  until: Date;
}

function atNine(day: Date): Date {
  const at = new Date(day);
  at.setHours(9, 0, 0, 0);
  return at;
}

/** Tomorrow 9:00, next Monday 9:00 (a week on when today is Monday), the same time in a week. */
export function snoozePresets(now: Date): SnoozePreset[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  const monday = new Date(now);
  monday.setDate(now.getDate() + ((8 - now.getDay()) % 7 || 7));
  const week = new Date(now);
  week.setDate(now.getDate() + 7);
  return [
    { key: 'tomorrow', until: atNine(tomorrow) },
    { key: 'nextMonday', until: atNine(monday) },
    { key: 'inWeek', until: week },
  ];
}

/** The value of a `datetime-local` input for a moment (local time, minutes). */
export function toLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Statuses a ticket may be snoozed in (as the API decides). */
export const SNOOZABLE_STATUSES: readonly string[] = ['waiting_customer', 'waiting_third_party'];
