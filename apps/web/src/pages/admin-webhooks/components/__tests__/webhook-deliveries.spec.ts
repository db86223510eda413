import { flushPromises, mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Webhook } from '../../../../entities/webhook/api';
import { i18n, setLocale } from '../../../../shared/i18n';
import WebhookDeliveries from '../webhook-deliveries.vue';

// The API client takes `fetch` when it is created (at import), so the stand-in server goes in first.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = (input, init) => mock(input, init);
  return mock;
});

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

const webhook: Webhook = {
  id: '3f0c1b8e-0c1d-4a43-9c31-8f7b2d1e5a10', url: 'https://erp.example.pl/okienko', events: ['ticket.created'], description: null, active: true,
  includeNotes: false, failingSince: null, disabledAt: null, disabledReason: null, previousSecretValidUntil: null,
  createdAt: '2026-12-07T10:00:00.000Z', updatedAt: '2026-12-07T10:00:00.000Z',
};
const delivery = (state: string, statuses: (number | null)[]) => ({
  id: '9a1e6f5c-2b7d-4c1e-8f3a-6d5c4b3a2e10', messageId: 'msg_1', event: 'ticket.created', state, attempts: statuses.length, nextAttemptAt: null,
  lastStatus: statuses.at(-1) ?? null, lastError: null, payload: {}, createdAt: '2026-12-07T10:00:00.000Z', deliveredAt: null,
  attemptLog: statuses.map((status, i) => ({
    attemptedAt: `2026-12-07T10:0${i}:00.000Z`, status, responseExcerpt: status === 200 ? '{"ok":true}' : null, error: status === null ? 'connect ECONNREFUSED' : null, durationMs: 40 + i,
  })),
});

describe('the delivery log of a webhook', () => {
  beforeEach(() => {
    setLocale('pl');
    fetchMock.mockReset();
  });

  it('lists each attempt with its answer and sends a failed delivery again', async () => {
    fetchMock.mockImplementation(async (input) => {
      const request = input as Request;
      if (request.method === 'POST') return json(delivery('delivered', [null, 503, 200]));
      return json({ items: [delivery('failed', [null, 503])], total: 1 });
    });
    const wrapper = mount(WebhookDeliveries, { props: { webhook }, global: { plugins: [i18n, PrimeVue] } });
    await flushPromises();
    expect(wrapper.text()).toContain('ticket.created');
    expect(wrapper.text()).toContain('Nieudane');
    const attempts = wrapper.findAll('li').map((li) => li.text());
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toContain('brak odpowiedzi');
    expect(attempts[0]).toContain('connect ECONNREFUSED');
    expect(attempts[1]).toContain('503');

    await wrapper.get('button').trigger('click');
    await flushPromises();
    const post = fetchMock.mock.calls.map((call) => call[0] as Request).find((request) => request.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe(`/api/v1/webhooks/${webhook.id}/deliveries/9a1e6f5c-2b7d-4c1e-8f3a-6d5c4b3a2e10/redeliver`);
    expect(wrapper.text()).toContain('Wysłano ponownie: Dostarczone');
  });
});
