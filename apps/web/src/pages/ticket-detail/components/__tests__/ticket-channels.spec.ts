import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketCustomer, TicketDetail, TicketMessage } from '../../../../entities/ticket/api';
import { i18n, setLocale } from '../../../../shared/i18n';
import ThreadMessage from '../thread-message.vue';
import TicketHeader from '../ticket-header.vue';

const CUSTOMER = { id: 'c1', name: 'Jan Kowalski', email: 'jan@example.com' } as TicketCustomer;
const plugins = [i18n, PrimeVue, createPinia()];

function message(change: Partial<TicketMessage>): TicketMessage {
  return {
    id: 'm1', direction: 'inbound', authorUserId: null, authorCustomerId: 'c1', authorApiTokenId: null, fromAddress: 'jan@example.com',
    toAddresses: ['reklamacje@sklep.pl'], ccAddresses: [], bccAddresses: [], subject: 'Reklamacja', bodyText: 'Buty się rozkleiły.', visibleText: null,
    automated: false, bodyHtml: null, messageId: 'a@example.com', inReplyTo: null, references: [], deliveryState: 'received',
    deliveryError: null, sentAt: null, attachments: [], authentication: null, createdAt: '2026-12-07T09:00:00Z',
    channel: { id: 'ch-2', type: 'email', name: 'reklamacje@sklep.pl' },
    ...change,
  } as TicketMessage;
}

const mountMessage = (value: TicketMessage) => mount(ThreadMessage, { props: { ticketId: 't1', message: value, customer: CUSTOMER }, global: { plugins } });

function ticket(channels: unknown[]): TicketDetail {
  return {
    id: 't1', number: '2026-000007', subject: 'Reklamacja butów', status: 'open', priority: 'normal', channel: 'email', tags: [],
    createdAt: '2026-12-07T09:00:00Z', channels,
  } as unknown as TicketDetail;
}

describe('the channels a ticket shows', () => {
  afterEach(() => setLocale('pl'));

  it('shows on each message the channel it came or went on, and none on an internal note', () => {
    setLocale('pl');
    const inbound = mountMessage(message({}));
    const channel = inbound.find('.message__channel');
    expect(channel.text()).toBe('Kanał: E-mail reklamacje@sklep.pl');
    expect(channel.find('[role="img"]').attributes('aria-label')).toBe('E-mail');
    expect(channel.find('.channel-badge').attributes('title')).toBe('E-mail: reklamacje@sklep.pl');

    const reply = mountMessage(message({ direction: 'outbound', deliveryState: 'sent', channel: { id: 'ch-3', type: 'phone', name: 'Infolinia' } } as never));
    expect(reply.find('.message__channel .channel-badge').attributes('title')).toBe('Telefon: Infolinia');

    expect(mountMessage(message({ direction: 'note', channel: { id: null, type: 'email', name: null } } as never)).find('.message__channel').exists()).toBe(false);
    // A message on none of our channels: its type alone may be only the stored default, so nothing is claimed.
    expect(mountMessage(message({ channel: { id: null, type: 'email', name: null } })).find('.message__channel').exists()).toBe(false);
  });

  it('lists every channel involved in the header, oldest first, in the current language', () => {
    setLocale('en');
    const header = mount(TicketHeader, {
      props: {
        savingTags: false,
        ticket: ticket([
          { id: 'ch-1', type: 'email', name: 'biuro@sklep.pl' },
          { id: 'ch-2', type: 'email', name: 'reklamacje@sklep.pl' },
          { id: 'ch-3', type: 'chat', name: null },
        ]),
      },
      global: { plugins },
    });
    const list = header.find('ul[aria-label="This ticket\'s channels"]');
    expect(list.findAll('li').map((item) => item.find('.channel-badge').attributes('title'))).toEqual([
      'E-mail: biuro@sklep.pl',
      'E-mail: reklamacje@sklep.pl',
      'Chat',
    ]);
    expect(header.find('.ticket-header__channels').text()).toContain('Channels:');
  });

  it('names how the ticket was opened when none of its messages came or went on a channel of ours', () => {
    setLocale('pl');
    for (const channels of [[], [{ id: null, type: 'email', name: null }]]) {
      const header = mount(TicketHeader, { props: { savingTags: false, ticket: { ...ticket(channels), channel: 'phone' } }, global: { plugins } });
      expect(header.find('.ticket-header__channels').exists()).toBe(false);
      expect(header.find('.ticket-header__meta').text()).toContain('Kanał: telefon');
    }
  });

  it('leaves out of the header what came on none of our channels', () => {
    setLocale('pl');
    const header = mount(TicketHeader, {
      props: { savingTags: false, ticket: ticket([{ id: null, type: 'email', name: null }, { id: 'ch-1', type: 'email', name: 'biuro@sklep.pl' }]) },
      global: { plugins },
    });
    expect(header.findAll('.ticket-header__channels li').map((item) => item.text())).toEqual(['E-mail biuro@sklep.pl']);
  });
});
