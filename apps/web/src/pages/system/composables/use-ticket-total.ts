import { onScopeDispose, ref } from 'vue';
import { countTickets } from '../../../entities/ticket/api';

export type TicketTotalState = { kind: 'loading' } | { kind: 'known'; total: number } | { kind: 'unavailable' };

/** How many tickets the system holds, loaded once when the page opens. */
export function useTicketTotal() {
  const state = ref<TicketTotalState>({ kind: 'loading' });
  let active = true;
  onScopeDispose(() => {
    active = false;
  });

  async function load(): Promise<void> {
    try {
      const total = await countTickets();
      if (active) state.value = { kind: 'known', total };
    } catch {
      if (active) state.value = { kind: 'unavailable' };
    }
  }

  void load();
  return { state, reload: load };
}
