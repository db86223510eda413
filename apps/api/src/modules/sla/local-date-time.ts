const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant as the wall clock of a time zone shows it, `YYYY-MM-DDTHH:mm:ss`
 * (no offset): what people check deadlines by, e.g. `2026-12-21T09:30:00` in
 * Europe/Warsaw for 2026-12-21T08:30:00Z.
 */
export function localDateTime(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, calendar: 'gregory', numberingSystem: 'latn', hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}
