import { ref } from 'vue';
import { bulkUpdateTickets, type BulkTicketChanges, type TicketListItem } from '../../../entities/ticket/api';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import type { MessageKey } from '../../../shared/i18n/message-key';
import { useErrorText } from '../../../shared/i18n/use-error-text';

export interface BulkOutcome {
  tone: 'success' | 'warning' | 'danger';
  summary: string;
  /** One line per refused ticket: its number and why. */
  refused: string[];
}

const KNOWN_REASONS = new Set(['TICKET_INVALID_TRANSITION', 'TICKET_FORBIDDEN', 'TICKET_NOT_FOUND']);

/** Sends a bulk change and puts its answer in words: how many changed, which were refused and why. */
export function useBulkActions() {
  const { t, n } = useAppI18n();
  const errorText = useErrorText();
  const applying = ref(false);
  const outcome = ref<BulkOutcome | null>(null);

  /** Answers whether the request got an answer (some tickets may still be refused). */
  async function apply(tickets: TicketListItem[], changes: BulkTicketChanges): Promise<boolean> {
    applying.value = true;
    try {
      const results = await bulkUpdateTickets(tickets.map((ticket) => ticket.id), changes);
      const numbers = new Map(tickets.map((ticket) => [ticket.id, ticket.number]));
      const refused = results.filter((item) => !item.ok);
      const changed = results.length - refused.length;
      outcome.value = {
        tone: refused.length === 0 ? 'success' : changed === 0 ? 'danger' : 'warning',
        summary:
          refused.length === 0
            ? t('ticketListTools.bulk.allChanged', { n: n(changed) }, changed)
            : t('ticketListTools.bulk.summary', { changed: n(changed), refused: n(refused.length) }),
        refused: refused.map((item) => {
          const code = item.error?.code ?? '';
          const reason = KNOWN_REASONS.has(code) ? t(`ticketListTools.bulk.reason.${code}` as MessageKey) : (item.error?.message ?? code);
          return t('ticketListTools.bulk.refusedItem', { number: numbers.get(item.id) ?? item.id, reason });
        }),
      };
      return true;
    } catch (error) {
      outcome.value = { tone: 'danger', summary: t('ticketListTools.bulk.failed', { message: errorText(error) }), refused: [] };
      return false;
    } finally {
      applying.value = false;
    }
  }

  return { applying, outcome, apply };
}
