import { mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import PrimeVue from 'primevue/config';
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketCustomer, TicketMessage } from '../../../../entities/ticket/api';
import { i18n, setLocale } from '../../../../shared/i18n';
import ThreadMessage from '../thread-message.vue';

const CUSTOMER = { id: 'c1', name: 'Bank Polski', email: 'ksiegowosc@bank-polski.example' } as TicketCustomer;

function inbound(authentication: TicketMessage['authentication']): TicketMessage {
  return {
    id: 'm1', direction: 'inbound', authorUserId: null, authorCustomerId: 'c1', authorApiTokenId: null,
    fromAddress: 'ksiegowosc@bank-polski.example', toAddresses: ['biuro@rowerownia.pl'], ccAddresses: [], bccAddresses: [], subject: 'Zmiana numeru konta',
    bodyText: 'Prosimy o przelewy na nowy numer konta.', visibleText: null, automated: false, bodyHtml: null, messageId: 'x@bank-polski.example',
    inReplyTo: null, references: [], deliveryState: 'received', deliveryError: null, sentAt: null, attachments: [],
    createdAt: '2026-12-07T09:00:00Z', authentication, channel: { id: 'ch1', type: 'email', name: 'biuro@rowerownia.pl' },
  } as TicketMessage;
}

const FAILED = {
  verdict: 'fail', domain: 'bank-polski.example', spf: 'fail', spfDomain: 'bank-polski.example', dkim: 'none', dkimDomain: null,
  dmarc: 'fail', dmarcPolicy: 'reject',
} as const;

function mountMessage(message: TicketMessage) {
  return mount(ThreadMessage, { props: { ticketId: 't1', message, customer: CUSTOMER }, global: { plugins: [i18n, PrimeVue, createPinia()] } });
}

describe('the sender check of a customer message', () => {
  afterEach(() => setLocale('pl'));

  it('warns, as an alert, that the sender is not verified when the domain failed DMARC', () => {
    setLocale('pl');
    const alert = mountMessage(inbound({ ...FAILED })).find('[role="alert"]');
    expect(alert.exists()).toBe(true);
    expect(alert.text()).toContain('Nadawca niezweryfikowany — domena nie przeszła DMARC');
    expect(alert.text()).toContain('bank-polski.example');
    expect(alert.text()).toContain('SPF: fail, DKIM: none, DMARC: fail');
  });

  it('says it in English too', () => {
    setLocale('en');
    expect(mountMessage(inbound({ ...FAILED })).find('[role="alert"]').text()).toContain('Sender not verified — the domain failed DMARC');
  });

  it('shows a small badge when the domain vouches for the sender, and nothing when there is nothing to say', () => {
    setLocale('pl');
    const verified = mountMessage(inbound({ ...FAILED, verdict: 'pass', spf: 'pass', dkim: 'pass', dkimDomain: 'bank-polski.example', dmarc: 'pass' }));
    expect(verified.find('[role="alert"]').exists()).toBe(false);
    expect(verified.find('.sender-check--pass').text()).toContain('Nadawca zweryfikowany');

    for (const authentication of [null, { ...FAILED, verdict: 'none' as const, dmarc: 'none' }]) {
      const plain = mountMessage(inbound(authentication));
      expect(plain.find('.sender-check--pass').exists()).toBe(false);
      expect(plain.find('[role="alert"]').exists()).toBe(false);
    }
  });
});
