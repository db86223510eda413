import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import { en } from './en';
import { pl, type MessageSchema } from './pl';

export const SUPPORTED_LOCALES = ['pl', 'en'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = 'pl';

/** Names of the languages, each written in its own language. */
export const LOCALE_NAMES: Record<AppLocale, string> = { pl: 'Polski', en: 'English' };

const STORAGE_KEY = 'okienko.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

function readStoredLocale(): AppLocale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isAppLocale(stored)) return stored;
  } catch {
    // Storage may be unavailable (private mode, blocked cookies): use the default.
  }
  return DEFAULT_LOCALE;
}

/**
 * Polish has three plural forms: 1 sekundę, 2–4 (but not 12–14) sekundy,
 * everything else sekund. Messages list them in that order.
 */
function polishPluralIndex(count: number, choices: number): number {
  if (choices < 3) return count === 1 ? 0 : Math.min(1, choices - 1);
  const n = Math.abs(count);
  if (n === 1) return 0;
  const lastDigit = n % 10;
  const lastTwo = n % 100;
  if (lastDigit >= 2 && lastDigit <= 4 && (lastTwo < 12 || lastTwo > 14)) return 1;
  return 2;
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: readStoredLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { pl, en },
  pluralRules: { pl: polishPluralIndex },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
});

/** The language the interface is shown in right now. */
export const currentLocale = computed<AppLocale>(() => i18n.global.locale.value);

function applyToDocument(locale: AppLocale): void {
  document.documentElement.lang = locale;
}

/** Switches the interface language and remembers the choice in this browser. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale;
  applyToDocument(locale);
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered across visits, but the switch itself still works.
  }
}

applyToDocument(i18n.global.locale.value);
