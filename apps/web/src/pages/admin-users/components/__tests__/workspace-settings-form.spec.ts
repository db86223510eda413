import { flushPromises, mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../../../shared/i18n';
import WorkspaceSettingsForm from '../workspace-settings-form.vue';

// The API client takes `fetch` when it is created (at import), so the stand-in server goes in first.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = (input, init) => mock(input, init);
  return mock;
});

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

describe('the team settings', () => {
  beforeEach(() => {
    setLocale('pl');
    fetchMock.mockReset();
  });

  it('shows that replying assigns (the default) and switches it off', async () => {
    fetchMock.mockImplementation(async (input) => {
      const request = input as Request;
      if (request.method === 'PATCH') return json({ assignOnReply: (await request.json()).assignOnReply });
      return json({ assignOnReply: true });
    });
    const wrapper = mount(WorkspaceSettingsForm, { global: { plugins: [i18n, PrimeVue] } });
    await flushPromises();
    const box = wrapper.get<HTMLInputElement>('input[type="checkbox"]');
    expect(wrapper.text()).toContain('Odpowiedź na nieprzypisane zgłoszenie przypisuje je odpowiadającemu agentowi');
    expect(box.element.checked).toBe(true);

    await box.setValue(false);
    await flushPromises();
    const patch = fetchMock.mock.calls.map((call) => call[0] as Request).find((request) => request.method === 'PATCH')!;
    expect(new URL(patch.url).pathname).toBe('/api/v1/settings');
    expect(wrapper.get<HTMLInputElement>('input[type="checkbox"]').element.checked).toBe(false);
    expect(wrapper.text()).toContain('Zapisano ustawienia pracy zespołu');
  });
});
