import { useI18n } from 'vue-i18n';
import type { MessageKey } from './message-key';

export type Translate = (key: MessageKey, named?: Record<string, unknown>, plural?: number) => string;

/**
 * vue-i18n's composer with a `t` that accepts only keys that exist, so a
 * typo in a key fails the type check instead of showing the key to users.
 */
export function useAppI18n() {
  const composer = useI18n({ useScope: 'global' });
  const t: Translate = (key, named = {}, plural) =>
    plural === undefined ? composer.t(key, named) : composer.t(key, named, plural);
  return { t, n: composer.n, locale: composer.locale };
}
