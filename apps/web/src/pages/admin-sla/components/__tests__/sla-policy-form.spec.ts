import { flushPromises, mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Category } from '../../../../entities/category/api';
import type { NewSlaPolicy, SlaPolicy } from '../../../../entities/sla-policy/api';
import { i18n, setLocale } from '../../../../shared/i18n';
import SlaPolicyForm from '../sla-policy-form.vue';

const COMPLAINTS: Category = { id: '5b0c2f1e-1111-4111-8111-111111111111', name: 'Reklamacja lub zwrot', slug: 'complaint-return', description: null };
const PRE_SALE: Category = { id: '5b0c2f1e-2222-4222-8222-222222222222', name: 'Pytanie przed zakupem', slug: 'pre-sale', description: null };

function policy(fields: Partial<SlaPolicy> & Pick<SlaPolicy, 'id' | 'name' | 'order'>): SlaPolicy {
  return {
    description: null,
    enabled: true,
    matchesAll: false,
    conditions: { queueIds: [], categoryIds: [], priorities: [], channels: [], customerTags: [] },
    firstResponse: { minutes: 480, mode: 'business' },
    nextResponse: null,
    resolution: null,
    calendarId: null,
    pauseStatuses: ['waiting_customer'],
    warning: { percent: 80, minutesBefore: null },
    createdAt: '2026-12-01T08:00:00.000Z',
    updatedAt: '2026-12-01T08:00:00.000Z',
    ...fields,
  };
}

const complaintPolicy = policy({
  id: 'a0000000-0000-4000-8000-000000000001',
  name: 'Reklamacje',
  order: 10,
  conditions: { queueIds: [], categoryIds: [COMPLAINTS.id], priorities: [], channels: [], customerTags: [] },
});
const defaultPolicy = policy({ id: 'a0000000-0000-4000-8000-000000000002', name: 'Domyślna', order: 20, matchesAll: true });

function mountForm(current: SlaPolicy | null, submit = vi.fn<(fields: NewSlaPolicy) => Promise<void>>(async () => undefined)) {
  const wrapper = mount(SlaPolicyForm, {
    props: { policy: current, queues: [], categories: [COMPLAINTS, PRE_SALE], calendars: [], policies: [complaintPolicy, defaultPolicy], submit },
    global: { plugins: [i18n, PrimeVue] },
  });
  return { wrapper, submit };
}

describe('the SLA policy form', () => {
  beforeEach(() => setLocale('pl'));

  it('shows a policy’s category condition and keeps what is changed in categories and channels', async () => {
    const { wrapper, submit } = mountForm(complaintPolicy);
    const categories = wrapper.get('[role="group"][aria-label="Kategorie"]');
    const complaints = categories.findAll('label').find((label) => label.text() === 'Reklamacja lub zwrot')!;
    expect(complaints.get<HTMLInputElement>('input').element.checked).toBe(true);
    expect(wrapper.text()).not.toContain('Ta polityka nigdy nie zadziała');

    const channels = wrapper.get('[role="group"][aria-label="Kanały"]');
    await channels.findAll('label').find((label) => label.text() === 'e-mail')!.get('input').setValue(true);
    await categories.findAll('label').find((label) => label.text() === 'Pytanie przed zakupem')!.get('input').setValue(true);
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(submit.mock.calls[0]![0].conditions).toMatchObject({ categoryIds: [COMPLAINTS.id, PRE_SALE.id], channels: ['email'] });
  });

  it('warns that a new catch-all saved behind another catch-all would never apply', async () => {
    const { wrapper } = mountForm(null);
    expect(wrapper.get('[role="status"]').text()).toContain('Ta polityka nigdy nie zadziała: polityka „Domyślna” obejmuje wszystkie zgłoszenia');
    // A condition makes it a policy of its own, tried before the catch-all.
    await wrapper.get('[role="group"][aria-label="Kanały"]').find('input').setValue(true);
    expect(wrapper.text()).not.toContain('Ta polityka nigdy nie zadziała');
  });
});
