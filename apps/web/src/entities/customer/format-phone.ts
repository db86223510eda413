import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** A stored E.164 number as people read it: `+48600100200` → `+48 600 100 200`. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
