import { computed, onScopeDispose, ref, watch, type Ref } from 'vue';
import { fetchTemplateSuggestions, type TicketDetail } from '../../../entities/ticket/api';
import { listActiveTemplates, previewTemplate, type Template } from '../../../entities/template/api';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';

export interface TemplateGroup {
  label: string;
  items: { value: string; label: string }[];
}

/**
 * The templates an agent can answer this ticket with: the suggested ones
 * (closest to the customer's latest message) first, then every other template
 * of the ticket's queue. `render` fills one in for the ticket.
 */
export function useTemplateOptions(ticket: Ref<TicketDetail | null>) {
  const { t } = useAppI18n();
  const suggested = ref<Template[]>([]);
  const all = ref<Template[]>([]);
  const loading = ref(false);
  let controller: AbortController | null = null;

  async function load(current: TicketDetail): Promise<void> {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    loading.value = true;
    const [suggestions, templates] = await Promise.allSettled([
      fetchTemplateSuggestions(current.id, own.signal),
      listActiveTemplates(current.queueId, own.signal),
    ]);
    if (own.signal.aborted) return;
    suggested.value = suggestions.status === 'fulfilled' ? suggestions.value.map((entry) => entry.template) : [];
    all.value = templates.status === 'fulfilled' ? templates.value : [];
    loading.value = false;
  }

  // Suggestions follow the latest message and the queue; other changes keep them.
  watch(
    () => {
      const current = ticket.value;
      if (!current) return null;
      const lastInbound = current.messages.filter((message) => message.direction === 'inbound').at(-1);
      return `${current.id}|${current.queueId}|${lastInbound?.id ?? ''}`;
    },
    (key) => {
      if (key && ticket.value) void load(ticket.value);
    },
    { immediate: true },
  );
  onScopeDispose(() => controller?.abort());

  const groups = computed<TemplateGroup[]>(() => {
    const suggestedIds = new Set(suggested.value.map((template) => template.id));
    const option = (template: Template) => ({ value: template.id, label: template.title });
    const result: TemplateGroup[] = [];
    if (suggested.value.length > 0) {
      result.push({ label: t('ticketPage.reply.suggested'), items: suggested.value.map(option) });
    }
    const others = all.value.filter((template) => !suggestedIds.has(template.id));
    if (others.length > 0) result.push({ label: t('ticketPage.reply.allTemplates'), items: others.map(option) });
    return result;
  });

  /** The template's text for this ticket, exactly as the reply would carry it. */
  async function render(templateId: string): Promise<string> {
    const current = ticket.value;
    if (!current) throw new Error('No ticket');
    return (await previewTemplate(templateId, current.id)).body;
  }

  return { groups, loading, render };
}
