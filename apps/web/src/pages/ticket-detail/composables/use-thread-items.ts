import { computed, type Ref } from 'vue';
import type { TicketDetail, TicketEvent, TicketMessage } from '../../../entities/ticket/api';

export type ThreadItem =
  | { kind: 'message'; key: string; at: string; message: TicketMessage }
  | { kind: 'event'; key: string; at: string; event: TicketEvent };

// Events that the thread shows in another way: a new message appears as itself.
const HIDDEN_EVENTS = new Set(['message_added']);
const RULE_DETAIL_EVENTS = new Set(['field_changed', 'rule_action_skipped']);

const isCreation = (item: ThreadItem) => item.kind === 'event' && item.event.type === 'created';

function compare(a: ThreadItem, b: ThreadItem): number {
  // The ticket's creation opens the history, even when its first message was stored a moment earlier.
  if (isCreation(a) !== isCreation(b)) return isCreation(a) ? -1 : 1;
  // At the same moment: the message first, then what rules and people did about it.
  const rank = (item: ThreadItem) => (item.kind === 'message' ? 0 : 1);
  return Date.parse(a.at) - Date.parse(b.at) || rank(a) - rank(b);
}

/**
 * The ticket's history as one timeline, oldest first: messages (from the
 * customer, replies, notes) between the events (changes by people, rules and
 * the system). "Rule X applied" is left out when the same rule's changes say more.
 */
export function useThreadItems(ticket: Ref<TicketDetail | null>) {
  return computed<ThreadItem[]>(() => {
    const current = ticket.value;
    if (!current) return [];
    const ruleDetails = new Set(
      current.events
        .filter((event) => event.actorType === 'rule' && RULE_DETAIL_EVENTS.has(event.type))
        .map((event) => `${event.actorId}@${event.createdAt}`),
    );
    const events = current.events.filter(
      (event) =>
        !HIDDEN_EVENTS.has(event.type) &&
        !(event.type === 'rule_applied' && ruleDetails.has(`${event.actorId}@${event.createdAt}`)),
    );
    const items: ThreadItem[] = [
      ...current.messages.map((message) => ({ kind: 'message' as const, key: `m-${message.id}`, at: message.createdAt, message })),
      ...events.map((event) => ({ kind: 'event' as const, key: `e-${event.id}`, at: event.createdAt, event })),
    ];
    // Array.prototype.sort is stable: the API's own order stays within equal times.
    return items.sort(compare);
  });
}
