import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useSessionStore } from '../../../../entities/session/stores/session.store';
import type { TicketListItem } from '../../../../entities/ticket/api';
import { i18n, setLocale } from '../../../../shared/i18n';
import { useListKeyboard } from '../use-list-keyboard';

// The API client takes `fetch` when it is created (at import), so the stand-in server goes in first.
const fetchMock = vi.hoisted(() => {
  const mock = vi.fn<typeof fetch>();
  globalThis.fetch = (input, init) => mock(input, init);
  return mock;
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function ticket(number: string, status = 'open'): TicketListItem {
  return { id: `id-${number}`, number, subject: `Subject ${number}`, status } as unknown as TicketListItem;
}

function press(key: string): void {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
}

/** The bodies of the bulk changes the page sent. */
let bulk: { ticketIds: string[]; changes: Record<string, unknown> }[] = [];

async function setUp() {
  const pinia = createPinia();
  setActivePinia(pinia);
  const session = useSessionStore();
  session.user = { id: 'me', name: 'Ala', email: 'ala@okienko.test', role: 'agent' } as typeof session.user;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/tickets', name: 'tickets', component: { render: () => null } },
      { path: '/tickets/:number', name: 'ticket', component: { render: () => null } },
    ],
  });
  await router.push('/tickets');
  const items = ref([ticket('1'), ticket('2', 'waiting_customer'), ticket('3')]);
  const selected = ref<string[]>([]);
  const preview = ref(false);
  const reload = vi.fn();
  // Two pages: the one shown and one after it.
  const page = ref(1);
  const paging = {
    hasNext: () => page.value === 1,
    next: () => {
      page.value = 2;
      items.value = [ticket('4'), ticket('5')];
    },
    hasPrevious: () => page.value === 2,
    previous: () => {
      page.value = 1;
      items.value = [ticket('1'), ticket('2', 'waiting_customer'), ticket('3')];
    },
  };
  let keyboard!: ReturnType<typeof useListKeyboard>;
  const host = defineComponent({
    setup() {
      keyboard = useListKeyboard({ items, selected, preview, reload, paging });
      return () => h('div');
    },
  });
  const wrapper = mount(host, { global: { plugins: [i18n, pinia, router] }, attachTo: document.body });
  return { keyboard, items, selected, preview, reload, router, wrapper };
}

describe('the ticket list by keyboard', () => {
  beforeEach(() => {
    setLocale('en');
    bulk = [];
    fetchMock.mockReset();
    fetchMock.mockImplementation(async (input) => {
      const request = input as Request;
      const body = (await request.json()) as { ticketIds: string[]; changes: Record<string, unknown> };
      bulk.push(body);
      return json({ items: body.ticketIds.map((id) => (id === 'id-3' ? { id, ok: false, error: { statusCode: 409, code: 'TICKET_INVALID_TRANSITION', message: 'not allowed' } } : { id, ok: true })) });
    });
  });
  afterEach(() => {
    document.body.innerHTML = '';
    setLocale('pl');
  });

  it('moves with j and k, ticks with x, opens with Enter and toggles the preview with p', async () => {
    const { keyboard, selected, preview, router, wrapper } = await setUp();
    expect(keyboard.current.value).toBeNull();
    press('j');
    press('j');
    expect(keyboard.current.value?.number).toBe('2');
    press('k');
    expect(keyboard.current.value?.number).toBe('1');
    press('x');
    expect(selected.value).toEqual(['id-1']);
    press('x');
    expect(selected.value).toEqual([]);
    press('p');
    expect(preview.value).toBe(true);
    press('Enter');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/tickets/1');
    wrapper.unmount();
  });

  it('resolves and assigns the ticked tickets, or else the current one, and says which changed and which not', async () => {
    const { keyboard, selected, reload, wrapper } = await setUp();
    press('e');
    expect(keyboard.notice.value?.text).toBe('First pick a ticket with J or K.');
    press('j');
    press('e');
    await flushPromises();
    expect(bulk).toEqual([{ ticketIds: ['id-1'], changes: { status: 'resolved' } }]);
    expect(keyboard.notice.value).toEqual({ tone: 'success', text: 'Resolved: 1' });
    expect(reload).toHaveBeenCalledTimes(1);

    selected.value = ['id-1', 'id-3'];
    press('a');
    await flushPromises();
    expect(bulk[1]).toEqual({ ticketIds: ['id-1', 'id-3'], changes: { assigneeId: 'me' } });
    expect(keyboard.notice.value).toEqual({ tone: 'warning', text: 'Assigned to you: 1 · 3 not changed: that status cannot be set from the current one' });
    // The changed ticket is unticked; the refused one stays ticked.
    expect(selected.value).toEqual(['id-3']);
    wrapper.unmount();
  });

  it('a key pressed while the change before it is still saving waits its turn instead of being lost', async () => {
    const { keyboard, reload, wrapper } = await setUp();
    let reloaded!: () => void;
    reload.mockImplementationOnce(() => new Promise<void>((done) => (reloaded = done)));
    press('j');
    press('a');
    await flushPromises();
    // The assignment is saved and the list is reloading: E comes now, on the same ticket.
    press('e');
    await flushPromises();
    expect(bulk).toEqual([{ ticketIds: ['id-1'], changes: { assigneeId: 'me' } }]);
    reloaded();
    await flushPromises();
    expect(bulk).toEqual([
      { ticketIds: ['id-1'], changes: { assigneeId: 'me' } },
      { ticketIds: ['id-1'], changes: { status: 'resolved' } },
    ]);
    expect(keyboard.notice.value).toEqual({ tone: 'success', text: 'Resolved: 1' });
    wrapper.unmount();
  });

  it('goes on to the next page after the last row, and back to the previous page’s last row', async () => {
    const { keyboard, wrapper } = await setUp();
    for (let i = 0; i < 3; i++) press('j');
    expect(keyboard.current.value?.number).toBe('3');
    press('j');
    await nextTick();
    expect(keyboard.current.value?.number).toBe('4');
    press('j');
    press('j');
    expect(keyboard.current.value?.number).toBe('5');
    press('k');
    press('k');
    await nextTick();
    expect(keyboard.current.value?.number).toBe('3');
    wrapper.unmount();
  });

  it('offers snoozing only for a waiting ticket', async () => {
    const { keyboard, wrapper } = await setUp();
    press('j');
    press('s');
    expect(keyboard.snoozing.value).toBeNull();
    expect(keyboard.notice.value?.text).toBe('Ticket 1 is not waiting for the customer or anyone else, so it cannot be snoozed.');
    press('j');
    press('s');
    await nextTick();
    expect(keyboard.snoozing.value?.number).toBe('2');
    press('?');
    expect(keyboard.helpOpen.value).toBe(true);
    wrapper.unmount();
  });
});
