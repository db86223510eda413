import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { setLocale } from '../../shared/i18n';
import { installPageTitle } from '../page-title';

const Blank = defineComponent({ render: () => null });

describe('the browser tab title', () => {
  afterEach(() => setLocale('pl'));

  it("names the page in the interface language and follows a language switch", async () => {
    setLocale('pl');
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/', component: Blank },
        { path: '/tickets', component: Blank, meta: { titleKey: 'ticketList.title' } },
      ],
    });
    installPageTitle(router);

    await router.push('/');
    expect(document.title).toBe('Okienko');
    await router.push('/tickets');
    expect(document.title).toBe('Zgłoszenia · Okienko');

    setLocale('en');
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.title).toBe('Tickets · Okienko');
  });
});
