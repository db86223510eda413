import { onBeforeUnmount, ref, watch } from 'vue';
import { searchCustomers, type Customer } from '../../entities/customer/api';

const DELAY_MS = 250;

/** Customers found as the agent types: by name, e-mail or phone (`q`), or exactly by an identity such as a phone number. */
export function useCustomerLookup() {
  const query = ref('');
  const results = ref<Customer[]>([]);
  const searching = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;

  async function search(text: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    searching.value = true;
    try {
      const byText = await searchCustomers({ q: text, limit: 8 }, signal);
      let found = byText.items;
      // A phone number typed in any spelling is found through the identities as well.
      if (/^[+\d][\d\s()-]{5,}$/.test(text)) {
        const byPhone = await searchCustomers({ identity: `phone:${text}`, limit: 8 }, signal).catch(() => null);
        for (const customer of byPhone?.items ?? []) if (!found.some((c) => c.id === customer.id)) found = [customer, ...found];
      }
      results.value = found;
    } catch {
      if (!signal.aborted) results.value = [];
    } finally {
      if (!signal.aborted) searching.value = false;
    }
  }

  watch(query, (text) => {
    clearTimeout(timer);
    const trimmed = text.trim();
    if (trimmed.length < 2) {
      controller?.abort();
      results.value = [];
      searching.value = false;
      return;
    }
    timer = setTimeout(() => void search(trimmed), DELAY_MS);
  });

  onBeforeUnmount(() => {
    clearTimeout(timer);
    controller?.abort();
  });

  return { query, results, searching };
}
