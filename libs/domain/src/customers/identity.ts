import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** How a customer is recognised: an address, a number, or an id in one channel or outside system. */
export const CUSTOMER_IDENTITY_KINDS = ['email', 'phone', 'chat', 'allegro', 'external'] as const;
export type CustomerIdentityKind = (typeof CUSTOMER_IDENTITY_KINDS)[number];

/** A normalised identity: the form it is stored, compared and looked up in. */
export interface NormalisedIdentity {
  kind: CustomerIdentityKind;
  value: string;
  /**
   * The outside system or channel the value belongs to (part of the uniqueness): required for `external`,
   * optional for `chat` and `allegro`, never for `email` and `phone`. Empty when none.
   */
  source: string;
}

export type IdentityProblem = 'unknown_kind' | 'invalid_email' | 'invalid_phone' | 'empty_value' | 'source_required' | 'source_not_allowed';

export type IdentityNormalisation = { ok: true; identity: NormalisedIdentity } | { ok: false; problem: IdentityProblem; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether the text names a region libphonenumber knows (`PL`, `DE`, …). */
export function isPhoneRegion(region: string): boolean {
  return isSupportedCountry(region);
}

/**
 * A phone number in E.164 (`+48600100200`) however it was spelled (`600 100 200`,
 * `+48 600-100-200`, `0048600100200`); numbers without a country code are read
 * in `defaultRegion`. Null when the text is not a possible phone number.
 */
export function normalisePhone(raw: string, defaultRegion: string): string | null {
  const region = isSupportedCountry(defaultRegion) ? (defaultRegion as CountryCode) : undefined;
  // International prefix written as 00 instead of +.
  const text = raw.trim().replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(text, region ? { defaultCountry: region } : undefined);
  return parsed && parsed.isPossible() ? parsed.number : null;
}

/** An e-mail address as identities compare it: trimmed, lower case. Null when it is not an address. */
export function normaliseEmail(raw: string): string | null {
  const value = raw.trim().toLowerCase();
  return EMAIL.test(value) && value.length <= 254 ? value : null;
}

/** Normalises an identity as given by a user or a channel; says what is wrong otherwise. */
export function normaliseIdentity(
  input: { kind: string; value: string; source?: string | null },
  defaultRegion: string,
): IdentityNormalisation {
  const kind = input.kind as CustomerIdentityKind;
  if (!CUSTOMER_IDENTITY_KINDS.includes(kind)) {
    return { ok: false, problem: 'unknown_kind', message: `kind must be one of ${CUSTOMER_IDENTITY_KINDS.join(', ')}` };
  }
  const source = input.source?.trim() ?? '';
  if (kind === 'external' && !source) return { ok: false, problem: 'source_required', message: 'an external identity needs a source' };
  if ((kind === 'email' || kind === 'phone') && source) {
    return { ok: false, problem: 'source_not_allowed', message: `${kind} identities take no source` };
  }
  if (kind === 'email') {
    const value = normaliseEmail(input.value);
    return value ? { ok: true, identity: { kind, value, source: '' } } : { ok: false, problem: 'invalid_email', message: 'value must be an e-mail address' };
  }
  if (kind === 'phone') {
    const value = normalisePhone(input.value, defaultRegion);
    return value ? { ok: true, identity: { kind, value, source: '' } } : { ok: false, problem: 'invalid_phone', message: 'value must be a phone number' };
  }
  const value = input.value.trim();
  if (!value) return { ok: false, problem: 'empty_value', message: 'value must not be empty' };
  return { ok: true, identity: { kind, value, source } };
}

/**
 * Reads `kind:value` as written in a query (`phone:+48600100200`,
 * `email:jan@example.pl`, `external:shop:C-1042`). Null when there is no kind.
 */
export function parseIdentityQuery(text: string): { kind: string; value: string; source?: string } | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  const kind = text.slice(0, colon).trim().toLowerCase();
  const rest = text.slice(colon + 1);
  if (kind === 'external') {
    const second = rest.indexOf(':');
    if (second <= 0) return { kind, value: rest };
    return { kind, source: rest.slice(0, second), value: rest.slice(second + 1) };
  }
  // A `+` left unencoded in a URL arrives as a space: `phone:+48600100200` → `phone: 48600100200`.
  if (kind === 'phone') return { kind, value: rest.replace(/^ (?=\d)/, '+') };
  return { kind, value: rest };
}
