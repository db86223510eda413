import { ref, type Ref } from 'vue';
import { updateTicket, type TicketChange, type TicketDetail } from '../../../entities/ticket/api';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import { useErrorText } from '../../../shared/i18n/use-error-text';

export type EditableField = 'status' | 'priority' | 'queueId' | 'categoryId' | 'assigneeId' | 'tags';

export interface UpdateNotice {
  tone: 'success' | 'danger';
  text: string;
}

/** Saves one field of the ticket at a time (PATCH) and says how it went. */
export function useTicketUpdate(ticket: Ref<TicketDetail | null>, onUpdated: (ticket: TicketDetail) => void) {
  const { t } = useAppI18n();
  const errorText = useErrorText();
  const saving = ref<EditableField | null>(null);
  const notice = ref<UpdateNotice | null>(null);

  async function save(field: EditableField, change: TicketChange): Promise<boolean> {
    const current = ticket.value;
    if (!current) return false;
    saving.value = field;
    notice.value = null;
    const fieldName = t(`ticket.fieldName.${field}`);
    try {
      onUpdated(await updateTicket(current.id, change));
      notice.value = { tone: 'success', text: t('ticketPage.properties.saved', { field: fieldName }) };
      return true;
    } catch (error) {
      notice.value = { tone: 'danger', text: t('ticketPage.properties.saveFailed', { field: fieldName, message: errorText(error) }) };
      return false;
    } finally {
      saving.value = null;
    }
  }

  return { saving, notice, save };
}
