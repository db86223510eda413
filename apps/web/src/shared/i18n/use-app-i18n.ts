import { useI18n } from 'vue-i18n';
import type { MessageKey } from './message-key';

export type Translate = (key: MessageKey, named?: Record<string, unknown>, plural?: number) => string;

/**
 * Texts without parameters, per language, as vue-i18n made them. The messages
 * never change while the panel runs, so each is made once: a long thread asks
 * for the same few labels hundreds of times.
 */
const plainTexts = new Map<string, Map<MessageKey, string>>();

/**
 * vue-i18n's composer with a `t` that accepts only keys that exist, so a
 * typo in a key fails the type check instead of showing the key to users.
 */
export function useAppI18n() {
  const composer = useI18n({ useScope: 'global' });
  const t: Translate = (key, named, plural) => {
    if (plural !== undefined) return composer.t(key, named ?? {}, plural);
    if (named !== undefined) return composer.t(key, named);
    // Reading the locale here keeps the caller's render depending on it: a language switch shows the new text.
    const locale = composer.locale.value;
    let texts = plainTexts.get(locale);
    if (!texts) plainTexts.set(locale, (texts = new Map()));
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = composer.t(key)));
    return text;
  };
  return { t, n: composer.n, locale: composer.locale };
}
