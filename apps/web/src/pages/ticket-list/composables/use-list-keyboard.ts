import { computed, ref, watch, type Ref } from 'vue';
import { useRouter } from 'vue-router';
import { useSessionStore } from '../../../entities/session/stores/session.store';
import { bulkUpdateTickets, updateTicket, type BulkTicketChanges, type TicketListItem } from '../../../entities/ticket/api';
import type { MessageKey } from '../../../shared/i18n/message-key';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import { useDateFormat } from '../../../shared/i18n/use-date-format';
import { useErrorText } from '../../../shared/i18n/use-error-text';
import { useKeyboardShortcuts } from '../../../shared/ui/use-keyboard-shortcuts';
import { SNOOZABLE_STATUSES } from '../../ticket-detail/composables/snooze-presets';
import { followCursor, stepCursor } from './list-cursor';

const KNOWN_REASONS = new Set(['TICKET_INVALID_TRANSITION', 'TICKET_FORBIDDEN', 'TICKET_NOT_FOUND']);

export interface ListNotice {
  tone: 'success' | 'warning' | 'danger' | 'info';
  text: string;
}

/**
 * The ticket list by keyboard: J/K move the cursor, Enter opens, X ticks for bulk actions,
 * E resolves and A assigns to me (the ticked tickets, or else the one under the cursor),
 * S snoozes the one under the cursor, P shows the preview, ? lists the keys.
 */
export function useListKeyboard(options: {
  items: Ref<TicketListItem[]>;
  selected: Ref<string[]>;
  preview: Ref<boolean>;
  reload: () => Promise<void> | void;
  /** The list's pages: J on the last row goes on to the next page's first, K on the first back to the previous page's last. */
  paging?: { hasNext: () => boolean; next: () => void; hasPrevious: () => boolean; previous: () => void };
}) {
  const { items, selected, preview } = options;
  const { t } = useAppI18n();
  const { formatDateTime } = useDateFormat();
  const errorText = useErrorText();
  const router = useRouter();
  const session = useSessionStore();

  const index = ref(-1);
  const current = computed(() => items.value[index.value] ?? null);
  const notice = ref<ListNotice | null>(null);
  const helpOpen = ref(false);
  /** The ticket the snooze dialog is open for. */
  const snoozing = ref<TicketListItem | null>(null);
  let changing: Promise<void> = Promise.resolve();

  /** Where the cursor goes once the page the keys asked for has come. */
  let landOn: 'first' | 'last' | null = null;

  watch(items, (shown, before) => {
    if (landOn) {
      index.value = shown.length === 0 ? -1 : landOn === 'first' ? 0 : shown.length - 1;
      landOn = null;
      return;
    }
    const previous = before?.[index.value] ?? null;
    index.value = followCursor(previous?.id ?? null, index.value, shown.map((ticket) => ticket.id));
  });

  function move(delta: number): void {
    const { paging } = options;
    const last = items.value.length - 1;
    if (paging && delta > 0 && last >= 0 && index.value === last && paging.hasNext()) {
      landOn = 'first';
      paging.next();
      return;
    }
    if (paging && delta < 0 && index.value === 0 && paging.hasPrevious()) {
      landOn = 'last';
      paging.previous();
      return;
    }
    index.value = stepCursor(index.value, delta, items.value.length);
  }

  function pick(ticket: TicketListItem): void {
    index.value = items.value.findIndex((item) => item.id === ticket.id);
  }

  function open(): void {
    if (current.value) void router.push({ name: 'ticket', params: { number: current.value.number } });
  }

  function toggleSelected(): void {
    const ticket = current.value;
    if (!ticket) return;
    selected.value = selected.value.includes(ticket.id) ? selected.value.filter((id) => id !== ticket.id) : [...selected.value, ticket.id];
  }

  /** The ticked tickets, or else the one under the cursor. */
  function targets(): TicketListItem[] {
    const ticked = items.value.filter((ticket) => selected.value.includes(ticket.id));
    if (ticked.length > 0) return ticked;
    return current.value ? [current.value] : [];
  }

  /** Why a ticket was refused, in the panel's words when the API's code is a known one. */
  function reason(error: { code: string; message: string } | undefined): string {
    const code = error?.code ?? '';
    return KNOWN_REASONS.has(code) ? t(`ticketListTools.bulk.reason.${code}` as MessageKey) : (error?.message ?? code);
  }

  /**
   * The change for the tickets the key was pressed on. Changes run one after another: a key pressed while the one
   * before is still saving (or the list reloading after it) waits its turn instead of being dropped.
   */
  function change(changes: BulkTicketChanges, done: 'keyboard.list.resolved' | 'keyboard.list.assigned'): Promise<void> {
    const tickets = targets();
    if (tickets.length === 0) {
      notice.value = { tone: 'info', text: t('keyboard.list.noTicket') };
      return Promise.resolve();
    }
    changing = changing.then(() => apply(tickets, changes, done));
    return changing;
  }

  async function apply(tickets: TicketListItem[], changes: BulkTicketChanges, done: 'keyboard.list.resolved' | 'keyboard.list.assigned'): Promise<void> {
    try {
      const results = await bulkUpdateTickets(
        tickets.map((ticket) => ticket.id),
        changes,
      );
      const numbers = new Map(tickets.map((ticket) => [ticket.id, ticket.number]));
      const changed = results.filter((item) => item.ok).map((item) => numbers.get(item.id) ?? item.id);
      const refused = results
        .filter((item) => !item.ok)
        .map((item) => t('keyboard.list.refused', { number: numbers.get(item.id) ?? item.id, reason: reason(item.error) }));
      const lines = [...(changed.length > 0 ? [t(done, { numbers: changed.join(', ') })] : []), ...refused];
      notice.value = { tone: refused.length === 0 ? 'success' : changed.length === 0 ? 'danger' : 'warning', text: lines.join(' · ') };
      if (changed.length > 0) selected.value = selected.value.filter((id) => !changed.includes(numbers.get(id) ?? ''));
      await options.reload();
    } catch (error) {
      notice.value = { tone: 'danger', text: t('keyboard.list.failed', { message: errorText(error) }) };
    }
  }

  function startSnooze(): void {
    const ticket = current.value;
    if (!ticket) {
      notice.value = { tone: 'info', text: t('keyboard.list.noTicket') };
      return;
    }
    if (!SNOOZABLE_STATUSES.includes(ticket.status)) {
      notice.value = { tone: 'warning', text: t('keyboard.list.snoozeOnlyWaiting', { number: ticket.number }) };
      return;
    }
    snoozing.value = ticket;
  }

  async function snooze(until: Date): Promise<void> {
    const ticket = snoozing.value;
    snoozing.value = null;
    if (!ticket) return;
    try {
      const updated = await updateTicket(ticket.id, { snoozedUntil: until.toISOString() });
      notice.value = {
        tone: 'success',
        text: t('keyboard.list.snoozed', { number: ticket.number, time: formatDateTime(updated.snoozedUntil ?? until.toISOString()) }),
      };
      await options.reload();
    } catch (error) {
      notice.value = { tone: 'danger', text: t('keyboard.list.failed', { message: errorText(error) }) };
    }
  }

  useKeyboardShortcuts(() => ({
    j: () => move(1),
    k: () => move(-1),
    Enter: open,
    x: toggleSelected,
    e: () => void change({ status: 'resolved' }, 'keyboard.list.resolved'),
    a: () => void (session.user ? change({ assigneeId: session.user.id }, 'keyboard.list.assigned') : undefined),
    s: startSnooze,
    p: () => (preview.value = !preview.value),
    '?': () => (helpOpen.value = true),
  }));

  return { index, current, notice, helpOpen, snoozing, move, pick, snooze };
}
