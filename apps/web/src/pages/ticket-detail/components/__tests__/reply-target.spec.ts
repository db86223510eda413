import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import Select from 'primevue/select';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReplyTarget } from '../../../../entities/channel/model';
import type { TicketDetail } from '../../../../entities/ticket/api';
import { i18n, setLocale } from '../../../../shared/i18n';
import ReplyEditor from '../reply-editor.vue';
import ReplyTargetView from '../reply-target.vue';

// The API client takes `fetch` when it is created (at import), so the stand-in server goes in first.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = (input, init) => mock(input, init);
  return mock;
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const BIURO: ReplyTarget = { channelId: 'ch-1', type: 'email', name: 'biuro@sklep.pl', recipient: 'jan@example.com', isDefault: false, canSend: true, replyWindowEndsAt: null };
const REKLAMACJE: ReplyTarget = { channelId: 'ch-2', type: 'email', name: 'reklamacje@sklep.pl', recipient: 'jan@example.com', isDefault: true, canSend: true, replyWindowEndsAt: null };

const TICKET = { id: 't1', number: '2026-000001', status: 'open', queueId: null, messages: [] } as unknown as TicketDetail;

let targets: ReplyTarget[] = [];
let sent: Record<string, unknown>[] = [];

function serve(): void {
  fetchMock.mockImplementation(async (input) => {
    const request = input as Request;
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/tickets/t1/reply-targets') return json(targets);
    // The agent's draft of this ticket, as the API keeps it: none yet, no colleague writing.
    if (path === '/api/v1/tickets/t1/draft' && request.method === 'GET') return json({ draft: null, colleagues: [] });
    if (path === '/api/v1/tickets/t1/draft' && request.method === 'DELETE') return new Response(null, { status: 204 });
    if (path === '/api/v1/tickets/t1/draft') return json(await request.json());
    if (path === '/api/v1/profile/signature') return json({ signature: null });
    if (path === '/api/v1/tickets/t1/messages' && request.method === 'POST') {
      sent.push((await request.json()) as Record<string, unknown>);
      return json({ id: 'm1' }, 201);
    }
    return json({ items: [], total: 0 });
  });
}

async function mountEditor() {
  const wrapper = mount(ReplyEditor, { props: { ticket: TICKET }, global: { plugins: [i18n, PrimeVue, createPinia()] } });
  await flushPromises();
  return wrapper;
}

async function sendReply(wrapper: Awaited<ReturnType<typeof mountEditor>>): Promise<void> {
  await wrapper.find('textarea').setValue('Dzień dobry, sprawdzamy.');
  await wrapper.findAll('button').find((button) => button.text() === 'Wyślij odpowiedź')!.trigger('click');
  await flushPromises();
}

describe('where the reply editor sends a reply', () => {
  beforeEach(() => {
    setLocale('pl');
    sent = [];
    fetchMock.mockReset();
    serve();
  });
  afterEach(() => setLocale('pl'));

  it("offers the customer's channels, starts on the default one and sends the reply on the one chosen", async () => {
    targets = [BIURO, REKLAMACJE];
    const wrapper = await mountEditor();
    const target = wrapper.find('.reply-target');
    expect(target.text()).toContain('Odpowiedź przez:');
    expect(target.text()).toContain('E-mail · reklamacje@sklep.pl → jan@example.com');
    const select = wrapper.findComponent(ReplyTargetView).findComponent(Select);
    expect(select.props('options')).toEqual([
      { value: 'ch-1|jan@example.com', type: 'email', label: 'E-mail · biuro@sklep.pl → jan@example.com' },
      { value: 'ch-2|jan@example.com', type: 'email', label: 'E-mail · reklamacje@sklep.pl → jan@example.com' },
    ]);
    expect(select.props('modelValue')).toBe('ch-2|jan@example.com');

    select.vm.$emit('update:modelValue', 'ch-1|jan@example.com');
    await flushPromises();
    expect(target.text()).toContain('E-mail · biuro@sklep.pl → jan@example.com');
    await sendReply(wrapper);
    expect(sent).toEqual([expect.objectContaining({ type: 'reply', body: 'Dzień dobry, sprawdzamy.', channelId: 'ch-1' })]);
  });

  it('says where the only target is, without a choice, and sends the reply there', async () => {
    targets = [{ ...REKLAMACJE, isDefault: false, canSend: true, replyWindowEndsAt: null }];
    const wrapper = await mountEditor();
    expect(wrapper.findComponent(ReplyTargetView).findComponent(Select).exists()).toBe(false);
    expect(wrapper.find('.reply-target').text()).toBe('Odpowiedź przez: E-mail · reklamacje@sklep.pl → jan@example.com');
    await sendReply(wrapper);
    expect(sent).toEqual([expect.objectContaining({ type: 'reply', channelId: 'ch-2' })]);
  });

  it('leaves the channel to the API for e-mail outside our channels, and notes never name one', async () => {
    targets = [{ channelId: null, type: 'email', name: 'biuro@sklep.pl', recipient: 'jan@example.com', isDefault: true, canSend: true, replyWindowEndsAt: null }];
    const wrapper = await mountEditor();
    expect(wrapper.find('.reply-target').text()).toBe('Odpowiedź przez: E-mail · biuro@sklep.pl → jan@example.com');
    await sendReply(wrapper);
    await wrapper.find('textarea').setValue('Notatka');
    await wrapper.findAll('button').find((button) => button.text() === 'Dodaj notatkę wewnętrzną')!.trigger('click');
    await flushPromises();
    expect(sent).toHaveLength(2);
    expect(sent.every((body) => !('channelId' in body))).toBe(true);
  });

  it('warns before a reply goes to a channel that cannot send replies yet', async () => {
    targets = [{ channelId: 'ch-9', type: 'phone', name: 'Infolinia', recipient: '+48600100200', isDefault: true, canSend: false, replyWindowEndsAt: null }, BIURO];
    const wrapper = await mountEditor();
    const warning = wrapper.find('.reply-target [role="status"]');
    expect(warning.text()).toBe('Odpowiedzi kanałem Telefon nie da się jeszcze wysłać: zostanie oznaczona jako niewysłana. Wybierz inny kanał.');
    wrapper.findComponent(ReplyTargetView).findComponent(Select).vm.$emit('update:modelValue', 'ch-1|jan@example.com');
    await flushPromises();
    expect(wrapper.find('.reply-target [role="status"]').exists()).toBe(false);
  });

  it("warns before the agent writes when the channel's reply window has closed, and says until when an open one lasts", async () => {
    const hour = 3_600_000;
    const whatsapp: ReplyTarget = {
      channelId: 'ch-wa', type: 'api', name: 'WhatsApp', recipient: '+48600100200', isDefault: true, canSend: true,
      replyWindowEndsAt: new Date(Date.now() - 6 * hour).toISOString(),
    };
    targets = [whatsapp, BIURO];
    const wrapper = await mountEditor();
    const warning = wrapper.find('.reply-target [role="status"]');
    expect(warning.text()).toContain('Okno odpowiedzi kanału WhatsApp zamknęło się');
    expect(warning.text()).toContain('kanał może odrzucić tę odpowiedź');
    // Choosing e-mail (no window) takes the warning away.
    wrapper.findComponent(ReplyTargetView).findComponent(Select).vm.$emit('update:modelValue', 'ch-1|jan@example.com');
    await flushPromises();
    expect(wrapper.find('.reply-target__window').exists()).toBe(false);

    setLocale('en');
    targets = [{ ...whatsapp, replyWindowEndsAt: new Date(Date.now() + 5 * hour).toISOString() }];
    const open = await mountEditor();
    expect(open.find('.reply-target [role="status"]').exists()).toBe(false);
    expect(open.find('.reply-target__window').text()).toMatch(/^Reply window open until /);
    targets = [whatsapp];
    const closed = await mountEditor();
    expect(closed.find('.reply-target [role="status"]').text()).toMatch(/^The reply window of WhatsApp closed on .+: the customer wrote too long ago/);
  });

  it('says so when the customer cannot be answered on any channel, in English too', async () => {
    targets = [];
    setLocale('en');
    const wrapper = await mountEditor();
    expect(wrapper.find('.reply-target').text()).toBe(
      'Reply via: This customer cannot be answered on any channel (no e-mail address and no channel that sends)',
    );
  });
});
