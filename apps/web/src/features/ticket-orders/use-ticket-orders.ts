import { computed, ref, watch, type Ref } from 'vue';
import { fetchTicketOrders, pinTicketOrder, type Orders } from '../../entities/order/api';
import { useErrorText } from '../../shared/i18n/use-error-text';

/**
 * The ticket's orders, read after the page shows (the shops are asked live and
 * may be slow: the ticket never waits for them), again when the ticket changes.
 */
export function useTicketOrders(ticketId: Ref<string | null>) {
  const errorText = useErrorText();
  const orders = ref<Orders | null>(null);
  const loading = ref(false);
  const failure = ref<string | null>(null);
  let controller: AbortController | null = null;

  async function load(id: string): Promise<void> {
    controller?.abort();
    const current = (controller = new AbortController());
    loading.value = true;
    failure.value = null;
    try {
      const answer = await fetchTicketOrders(id, current.signal);
      if (current === controller) orders.value = answer;
    } catch (cause) {
      if (current === controller && !current.signal.aborted) failure.value = errorText(cause);
    } finally {
      if (current === controller) loading.value = false;
    }
  }

  watch(ticketId, (id) => {
    orders.value = null;
    if (id) void load(id);
  }, { immediate: true });

  async function pin(integrationId: string, externalId: string): Promise<void> {
    const id = ticketId.value;
    if (!id) return;
    await pinTicketOrder(id, integrationId, externalId);
    await load(id);
  }

  return { orders, items: computed(() => orders.value?.items ?? []), errors: computed(() => orders.value?.errors ?? []), loading, failure, pin };
}
