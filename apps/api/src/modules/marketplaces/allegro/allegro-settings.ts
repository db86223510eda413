import { settingsError } from '../../api-channel/api-channel.hook.js';

export const DEFAULT_API_URL = 'https://api.allegro.pl';
export const DEFAULT_AUTH_URL = 'https://allegro.pl';
export const DEFAULT_POLL_SECONDS = 60;

/** An Allegro channel's settings as its adapter reads them (the client secret still encrypted). */
export interface AllegroSettings {
  clientId: string;
  clientSecretEnc: string;
  apiUrl: string;
  authUrl: string;
  pollSeconds: number;
}

export function readAllegroSettings(settings: Record<string, unknown>): AllegroSettings {
  return {
    clientId: String(settings.clientId ?? ''),
    clientSecretEnc: String(settings.clientSecretEncrypted ?? ''),
    apiUrl: String(settings.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
    authUrl: String(settings.authUrl ?? DEFAULT_AUTH_URL).replace(/\/+$/, ''),
    pollSeconds: typeof settings.pollSeconds === 'number' ? settings.pollSeconds : DEFAULT_POLL_SECONDS,
  };
}

/** Checks given settings: clientId and clientSecret (kept when left out of a change), http(s) URLs, 1–3600 seconds. */
export function checkAllegroSettings(given: Record<string, unknown>, previous: Record<string, unknown> | null): void {
  if (typeof given.clientId !== 'string' || !given.clientId.trim()) throw settingsError('settings.clientId', "must be the Allegro application's client id");
  const hasSecret = typeof given.clientSecret === 'string' && given.clientSecret.trim() !== '';
  if (!hasSecret && !previous?.clientSecretEncrypted) throw settingsError('settings.clientSecret', "must be the Allegro application's client secret");
  for (const field of ['apiUrl', 'authUrl'] as const) {
    const value = given[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+/i.test(value)) throw settingsError(`settings.${field}`, 'must be an http(s) URL');
  }
  const poll = given.pollSeconds;
  if (poll !== undefined && poll !== null && (typeof poll !== 'number' || !Number.isInteger(poll) || poll < 1 || poll > 3600)) {
    throw settingsError('settings.pollSeconds', 'must be a whole number of seconds from 1 to 3600');
  }
}
