import { mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DryRunResult } from '../../../../entities/rule/api';
import { i18n, setLocale } from '../../../../shared/i18n';
import RuleDryRunPanel from '../rule-dry-run-panel.vue';

const RESULT: DryRunResult = {
  evaluated: 1,
  matched: 1,
  items: [
    {
      ticket: null,
      matched: true,
      explanation: [
        { type: 'condition', field: 'subject', operator: 'contains_any_word', expected: ['reklamacja', 'zwrot'], actual: 'Reklamacja butów', matched: true, note: 'matched "reklamacja"' },
        { type: 'condition', field: 'priority', operator: 'is', expected: 'normal', actual: 'normal', matched: true },
      ],
      changes: [
        // As the API answers: the labels of priorities and statuses are their values.
        { field: 'priority', from: 'normal', to: 'high', fromLabel: 'normal', toLabel: 'high' },
        { field: 'status', from: 'new', to: 'open', fromLabel: 'new', toLabel: 'open' },
        { field: 'queueId', from: 'q1', to: 'q2', fromLabel: 'Ogólna', toLabel: 'Reklamacje' },
      ],
      actions: [
        {
          type: 'reply_with_template', params: { template: 'Status zamówienia' },
          description: 'Would answer the customer with the template „Status zamówienia” (not to automated senders).',
        },
        { type: 'send_survey', params: { kind: 'csat', days: 14 }, description: 'Would send the customer a CSAT survey' },
      ],
    },
  ],
};

function mountPanel() {
  return mount(RuleDryRunPanel, {
    props: { result: RESULT, running: false, error: null, disabledReason: null },
    global: { plugins: [i18n, PrimeVue] },
  });
}

describe('the rule dry run', () => {
  it('names priorities, statuses and what matched in Polish', () => {
    setLocale('pl');
    const wrapper = mountPanel();
    const changes = wrapper.get('[aria-label="Co by się zmieniło"]').findAll('li').map((li) => li.text());
    expect(changes).toEqual(['Priorytet: Normalny → Wysoki', 'Status: Nowe → Otwarte', 'Kolejka: Ogólna → Reklamacje']);
    const text = wrapper.text();
    expect(text).toContain('(pasuje „reklamacja”)');
    expect(text).toContain('w zgłoszeniu: Normalny');
    expect(text).not.toMatch(/matched|normal →|high|Would/);
    const actions = wrapper.get('[aria-label="Inne akcje"]').findAll('li').map((li) => li.text());
    expect(actions).toEqual([
      'Odpowiedziałaby klientowi szablonem „Status zamówienia” (nie automatom)',
      'Wysłałaby klientowi ankietę CSAT (1–5) z linkiem ważnym 14 dni (raz na zgłoszenie, nie automatom)',
    ]);
  });

  it('and in English', () => {
    setLocale('en');
    const wrapper = mountPanel();
    expect(wrapper.text()).toContain('Priority: Normal → High');
    expect(wrapper.text()).toContain('(matched “reklamacja”)');
  });

  beforeEach(() => setLocale('pl'));
});
