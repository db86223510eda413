import { computed, ref, watch, type Ref } from 'vue';
import { fetchReplyTargets } from '../../../entities/channel/api';
import type { ReplyTarget } from '../../../entities/channel/model';
import type { TicketDetail } from '../../../entities/ticket/api';
import { useApiData } from '../../../shared/api-client/use-api-data';
import { chosenReplyTarget, replyTargetKey } from './reply-targets';

type LoadTargets = (ticketId: string, signal: AbortSignal) => Promise<ReplyTarget[]>;

/**
 * Where a reply to the ticket may go and where it will go: asked again
 * whenever the ticket gains a message (the customer may have written on
 * another channel), keeping the agent's choice while it is still possible.
 */
export function useReplyTargets(ticket: Ref<TicketDetail | null>, load: LoadTargets = fetchReplyTargets) {
  // The ticket and how many messages it has: a new message can change the targets and the default.
  const source = computed(() => (ticket.value ? `${ticket.value.id}|${ticket.value.messages.length}` : null));
  const answer = useApiData(
    (key: string | null, signal) => (key === null ? Promise.resolve<ReplyTarget[]>([]) : load(key.split('|')[0]!, signal)),
    source,
  );
  const targets = computed(() => answer.data.value ?? []);
  const chosenKey = ref<string | null>(null);
  watch(
    () => ticket.value?.id,
    () => {
      chosenKey.value = null;
    },
  );
  const selected = computed(() => chosenReplyTarget(targets.value, chosenKey.value));

  return {
    targets,
    selected,
    /** The selected target's key, for a select; setting it is the agent's choice. */
    selectedKey: computed<string | null>({
      get: () => (selected.value ? replyTargetKey(selected.value) : null),
      set: (key) => {
        chosenKey.value = key;
      },
    }),
    loading: computed(() => answer.loading.value && answer.data.value === null),
    failure: answer.failure,
    reload: answer.reload,
  };
}
