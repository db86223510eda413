import type { PrimeVueLocaleAriaOptions, PrimeVueLocaleOptions } from 'primevue/config';
import type { AppLocale } from '../../i18n';

export type PrimeTexts = Partial<Omit<PrimeVueLocaleOptions, 'aria'>> & { aria: Partial<PrimeVueLocaleAriaOptions> };

/**
 * PrimeVue's own texts (mostly what screen readers hear: paging buttons,
 * list announcements) in the panel's languages. Only what the panel's
 * components use is translated; the rest keeps PrimeVue's English.
 */
export const PRIME_LOCALES: Record<AppLocale, PrimeTexts> = {
  pl: {
    clear: 'Wyczyść',
    apply: 'Zastosuj',
    emptyMessage: 'Brak opcji',
    emptyFilterMessage: 'Nic nie znaleziono',
    emptySearchMessage: 'Nic nie znaleziono',
    searchMessage: 'Dostępne wyniki: {0}',
    selectionMessage: 'Wybrano: {0}',
    emptySelectionMessage: 'Nic nie wybrano',
    aria: {
      close: 'Zamknij',
      previous: 'Poprzedni',
      next: 'Następny',
      navigation: 'Nawigacja',
      selectAll: 'Zaznaczono wszystkie',
      unselectAll: 'Odznaczono wszystkie',
      pageLabel: 'Strona {page}',
      firstPageLabel: 'Pierwsza strona',
      lastPageLabel: 'Ostatnia strona',
      nextPageLabel: 'Następna strona',
      prevPageLabel: 'Poprzednia strona',
      rowsPerPageLabel: 'Wierszy na stronie',
      jumpToPageDropdownLabel: 'Przejdź do strony',
      jumpToPageInputLabel: 'Numer strony',
      listLabel: 'Lista opcji',
    },
  },
  en: {
    clear: 'Clear',
    apply: 'Apply',
    emptyMessage: 'No options',
    emptyFilterMessage: 'Nothing found',
    emptySearchMessage: 'Nothing found',
    searchMessage: '{0} results are available',
    selectionMessage: '{0} selected',
    emptySelectionMessage: 'Nothing selected',
    aria: {
      close: 'Close',
      previous: 'Previous',
      next: 'Next',
      navigation: 'Navigation',
      selectAll: 'All items selected',
      unselectAll: 'All items unselected',
      pageLabel: 'Page {page}',
      firstPageLabel: 'First page',
      lastPageLabel: 'Last page',
      nextPageLabel: 'Next page',
      prevPageLabel: 'Previous page',
      rowsPerPageLabel: 'Rows per page',
      jumpToPageDropdownLabel: 'Go to page',
      jumpToPageInputLabel: 'Page number',
      listLabel: 'Option list',
    },
  },
};
