import { getCountryCallingCode, isSupportedCountry, type CountryCode } from 'libphonenumber-js';

const PHONE_LIKE = /^\s*(\+|00)?[\d\s\-().\/]+$/;
const MIN_DIGITS = 3;

/**
 * The start of a phone number in E.164 as far as it has been typed, for a
 * search as you type: `+48 600 1` → `+486001`, `0048 600` → `+48600`,
 * `600 100` → `+48600100` when `defaultRegion` is PL (a leading trunk 0 is
 * dropped: `020 7946` in GB → `+44207946`). Null when the text does not read
 * as (the start of) a number or has fewer than three digits.
 */
export function phoneNumberPrefix(raw: string, defaultRegion: string): string | null {
  if (typeof raw !== 'string' || !PHONE_LIKE.test(raw)) return null;
  const text = raw.trim();
  const digits = text.replace(/\D/g, '');
  if (text.startsWith('+')) return digits.length >= MIN_DIGITS ? `+${digits}` : null;
  if (text.startsWith('00')) return digits.length - 2 >= MIN_DIGITS ? `+${digits.slice(2)}` : null;
  if (digits.length < MIN_DIGITS || !isSupportedCountry(defaultRegion)) return null;
  return `+${getCountryCallingCode(defaultRegion as CountryCode)}${digits.replace(/^0/, '')}`;
}
