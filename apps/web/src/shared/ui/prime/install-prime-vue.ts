import PrimeVue, { defaultOptions, type PrimeVueLocaleOptions } from 'primevue/config';
import { markRaw, watch, type App } from 'vue';
import { currentLocale, type AppLocale } from '../../i18n';
import { okienkoPreset } from './okienko-preset';
import { PRIME_LOCALES } from './prime-locales';

/** PrimeVue's complete texts in a language: its English defaults with the panel's translations over them. */
function primeLocale(locale: AppLocale): PrimeVueLocaleOptions {
  const defaults = defaultOptions.locale!;
  const texts = PRIME_LOCALES[locale];
  return { ...defaults, ...texts, aria: { ...defaults.aria!, ...texts.aria } } as PrimeVueLocaleOptions;
}

/**
 * PrimeVue in styled mode with the panel's theme. Its styles sit in a CSS
 * layer, so the panel's own (unlayered) styles win where both apply. The
 * panel is light only: the dark scheme is bound to a class nobody sets.
 */
export function installPrimeVue(app: App): void {
  app.use(PrimeVue, {
    theme: {
      // Never changed after start-up: PrimeVue's deep watch of its configuration need not walk every design token.
      preset: markRaw(okienkoPreset),
      options: { darkModeSelector: '.okienko-dark', cssLayer: { name: 'primevue', order: 'primevue' } },
    },
    locale: primeLocale(currentLocale.value),
  });

  const config = app.config.globalProperties.$primevue.config;
  watch(currentLocale, (locale) => {
    config.locale = primeLocale(locale);
  });
}
