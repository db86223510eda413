import { describe, expect, it } from 'vitest';
import { createApp, defineComponent, h, nextTick } from 'vue';
import { i18n, setLocale } from '../index';
import { useAppI18n, type Translate } from '../use-app-i18n';

/** Mounts a component that shows `render(t)`, and answers what it shows. */
function mountText(render: (t: Translate) => string) {
  const host = document.createElement('div');
  const app = createApp(
    defineComponent({
      setup() {
        const { t } = useAppI18n();
        return () => h('p', render(t));
      },
    }),
  );
  app.use(i18n);
  app.mount(host);
  return { text: () => host.textContent, unmount: () => app.unmount() };
}

describe('translating texts for the panel', () => {
  it('shows a text without parameters in the current language, and the new one after a switch', async () => {
    setLocale('pl');
    const view = mountText((t) => t('ticketPage.thread.note'));
    const polish = view.text();
    expect(polish).toBe(i18n.global.t('ticketPage.thread.note', {}, { locale: 'pl' }));

    setLocale('en');
    await nextTick();
    expect(view.text()).toBe(i18n.global.t('ticketPage.thread.note', {}, { locale: 'en' }));
    expect(view.text()).not.toBe(polish);

    setLocale('pl');
    await nextTick();
    expect(view.text()).toBe(polish);
    view.unmount();
  });

  it('fills in parameters and plural forms every time', () => {
    setLocale('en');
    const view = mountText((t) => `${t('ticketPage.thread.to', { addresses: 'a@x.pl' })} | ${t('ticketPage.thread.to', { addresses: 'b@y.pl' })}`);
    expect(view.text()).toContain('a@x.pl');
    expect(view.text()).toContain('b@y.pl');
    view.unmount();
    setLocale('pl');
  });
});
