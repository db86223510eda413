import { mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TicketDetail } from '../../../../entities/ticket/api';
import { i18n, setLocale } from '../../../../shared/i18n';
import TicketDeadlines from '../ticket-deadlines.vue';

const NOW = new Date('2026-03-12T10:00:00Z');

function ticket(change: { status?: TicketDetail['status']; firstResponseAt?: string | null; sla?: Partial<TicketDetail['sla']> } = {}): TicketDetail {
  return {
    status: change.status ?? 'open',
    firstResponseAt: change.firstResponseAt ?? null,
    sla: {
      policyId: 'p1',
      policyName: 'Standard',
      firstResponseDueAt: '2026-03-12T10:02:05Z',
      nextResponseDueAt: null,
      resolutionDueAt: '2026-03-14T13:30:00Z',
      statutoryDueAt: '2026-03-26T09:00:00Z',
      paused: false,
      state: 'warning',
      breached: { firstResponse: false, resolution: false, statutory: false },
      ...change.sla,
    },
  } as TicketDetail;
}

function mountDeadlines(value: TicketDetail) {
  return mount(TicketDeadlines, { props: { ticket: value }, global: { plugins: [i18n, PrimeVue] } });
}

const countdown = (wrapper: ReturnType<typeof mountDeadlines>, target: string) => wrapper.find(`.deadlines__countdown--${target}`);

describe('the deadlines of a ticket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
    setLocale('pl');
  });
  afterEach(() => {
    vi.useRealTimers();
    setLocale('pl');
  });

  it('counts every running deadline down by the second, the statutory complaint deadline too', async () => {
    const wrapper = mountDeadlines(ticket());
    expect(wrapper.text()).toContain('Zagrożone');
    expect(wrapper.text()).toContain('Zasady SLA: Standard');
    expect(countdown(wrapper, 'firstResponse').text()).toBe('za 2 min 05 s');
    expect(countdown(wrapper, 'resolution').text()).toBe('za 2 d 3 h');
    expect(wrapper.text()).toContain('Ustawowy termin reklamacji');
    expect(countdown(wrapper, 'statutory').text()).toBe('za 13 d 23 h');

    await vi.advanceTimersByTimeAsync(3_000);
    expect(countdown(wrapper, 'firstResponse').text()).toBe('za 2 min 02 s');
    await vi.advanceTimersByTimeAsync(2 * 60_000 + 10_000);
    expect(countdown(wrapper, 'firstResponse').text()).toBe('0 min 08 s po terminie');
    expect(wrapper.find('.deadlines__row--overdue').text()).toContain('Pierwsza odpowiedź');
    wrapper.unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says which deadlines were met once the ticket is resolved', () => {
    const wrapper = mountDeadlines(
      ticket({ status: 'resolved', firstResponseAt: '2026-03-12T09:00:00Z', sla: { state: 'none', breached: { firstResponse: false, resolution: true, statutory: false } } }),
    );
    const rows = wrapper.findAll('.deadlines__row').map((row) => row.find('dt').text() + ': ' + row.find('.deadlines__result').text());
    expect(rows).toEqual(['Pierwsza odpowiedź: dotrzymany', 'Rozwiązanie: przekroczony', 'Ustawowy termin reklamacji: dotrzymany']);
    expect(wrapper.find('.deadlines__countdown').exists()).toBe(false);
    wrapper.unmount();
  });

  it('stops the SLA clock while paused, but never the statutory deadline; and speaks English', () => {
    setLocale('en');
    const wrapper = mountDeadlines(ticket({ sla: { paused: true, state: 'paused' } }));
    expect(wrapper.text()).toContain('Paused — waiting for the customer');
    expect(countdown(wrapper, 'firstResponse').exists()).toBe(false);
    expect(countdown(wrapper, 'statutory').text()).toBe('in 13 d 23 h');
    wrapper.unmount();
  });

  it('shows when a ticket has no deadline at all', () => {
    const wrapper = mountDeadlines(
      ticket({ sla: { policyId: null, policyName: null, firstResponseDueAt: null, resolutionDueAt: null, statutoryDueAt: null, state: 'none' } }),
    );
    expect(wrapper.text()).toContain('Bez zasad SLA');
    expect(wrapper.text()).toContain('Brak terminów');
    wrapper.unmount();
  });

  it('says whether a resolved ticket met its policy, never "no SLA" next to the policy', () => {
    const met = mountDeadlines(ticket({ status: 'resolved', firstResponseAt: '2026-03-12T09:00:00Z', sla: { state: 'none' } }));
    expect(met.get('.deadlines__state').text()).toBe('SLA dotrzymaneZasady SLA: Standard');
    const late = mountDeadlines(
      ticket({ status: 'closed', sla: { state: 'none', breached: { firstResponse: true, resolution: false, statutory: false } } }),
    );
    expect(late.get('.deadlines__state').text()).toContain('SLA przekroczone');
    expect(late.text()).not.toContain('Brak SLA');
    // Without a policy it is still "no SLA".
    expect(mountDeadlines(ticket({ sla: { state: 'none', policyId: null, policyName: null } })).text()).toContain('Brak SLA');
  });
});
