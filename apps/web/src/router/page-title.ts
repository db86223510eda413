import { watch } from 'vue';
import type { Router } from 'vue-router';
import { i18n } from '../shared/i18n';

/** The browser tab shows the page's name in the current language. */
export function installPageTitle(router: Router): void {
  const update = () => {
    const { t } = i18n.global;
    const key = router.currentRoute.value.meta.titleKey;
    document.title = key ? t('app.pageTitle', { page: t(key) }) : t('app.name');
  };
  router.afterEach(update);
  watch(i18n.global.locale, update);
}
