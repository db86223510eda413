import { flushPromises, mount } from '@vue/test-utils';
import PrimeVue from 'primevue/config';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n, setLocale } from '../../../../shared/i18n';
import type { InboundAddressFields } from '../../composables/use-inbound-address-admin';
import InboundAddressForm from '../inbound-address-form.vue';

describe('the new inbound address form', () => {
  beforeEach(() => setLocale('pl'));

  it('acknowledges new tickets by default, as the API does', async () => {
    const submit = vi.fn<(fields: InboundAddressFields) => Promise<void>>(async () => undefined);
    const wrapper = mount(InboundAddressForm, {
      props: { address: null, queues: [], categories: [], submitLabel: 'Dodaj', submit },
      global: { plugins: [i18n, PrimeVue] },
    });
    const checkbox = wrapper.get<HTMLInputElement>('input[type="checkbox"]');
    expect(checkbox.element.checked).toBe(true);
    // The acknowledgement's own texts are offered at once.
    expect(wrapper.text()).toContain('Temat potwierdzenia');

    await wrapper.get('input[type="email"]').setValue('sklep@example.com');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(submit).toHaveBeenCalledTimes(1);
    expect(submit.mock.calls[0]![0].autoAcknowledge).toBe(true);
    // After adding, the form is ready for the next address with the same default.
    expect(wrapper.get<HTMLInputElement>('input[type="checkbox"]').element.checked).toBe(true);
  });
});
