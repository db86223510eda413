import { useCategoryStore } from '../../../entities/category/stores/category.store';
import { useQueueStore } from '../../../entities/queue/stores/queue.store';
import type { TicketChannel, TicketEvent, TicketPriority, TicketStatus } from '../../../entities/ticket/api';
import { useTicketLabels } from '../../../entities/ticket/composables/use-ticket-labels';
import { useUserDirectoryStore } from '../../../entities/user/stores/user-directory.store';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import { useDateFormat } from '../../../shared/i18n/use-date-format';
import { relationEventText } from './relation-event-text';

const FIELDS = ['subject', 'status', 'priority', 'queueId', 'categoryId', 'assigneeId', 'tags'] as const;
type Field = (typeof FIELDS)[number];

function isField(value: string | null): value is Field {
  return value !== null && (FIELDS as readonly string[]).includes(value);
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/**
 * One line of text for each audit event, e.g. "Reguła „VIP” ustawiła
 * priorytet: wysoki" or "Priorytet: normalny → wysoki (Anna Nowak)".
 */
export function useEventText() {
  const { t, locale } = useAppI18n();
  const labels = useTicketLabels();
  const queues = useQueueStore();
  const categories = useCategoryStore();
  const directory = useUserDirectoryStore();
  const { formatDateTime } = useDateFormat();

  const lower = (text: string) => text.toLocaleLowerCase(locale.value);

  /** A field's value in words, as it reads inside a sentence. */
  function valueText(field: Field, value: unknown): string {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) {
      if (field === 'queueId') return lower(t('ticket.noQueue'));
      if (field === 'categoryId') return lower(t('ticket.noCategory'));
      if (field === 'assigneeId') return lower(t('ticket.unassigned'));
      return t('ticketPage.events.empty');
    }
    switch (field) {
      case 'status':
        return lower(labels.statusLabel(value as TicketStatus));
      case 'priority':
        return lower(labels.priorityLabel(value as TicketPriority));
      case 'queueId':
        return queues.byId.get(String(value))?.name ?? t('ticket.unknownQueue');
      case 'categoryId':
        return categories.byId.get(String(value))?.name ?? t('ticket.unknownCategory');
      case 'assigneeId':
        return directory.byId.get(String(value))?.name ?? t('ticket.unknownUser');
      case 'tags':
        return Array.isArray(value) ? value.join(', ') : String(value);
      case 'subject':
        return `„${String(value)}”`;
    }
  }

  function actorText(event: TicketEvent): string {
    if (event.actorName) return event.actorName;
    if (event.actorType === 'system') return t('ticketPage.thread.systemAuthor');
    if (event.actorType === 'api_token') return t('ticketPage.thread.apiAuthor');
    return t('ticketPage.events.someone');
  }

  return (event: TicketEvent): string => {
    const relation = relationEventText(event, t, actorText(event));
    if (relation !== null) return relation;
    const rule = event.actorName ?? '';
    switch (event.type) {
      case 'created': {
        const channel = asObject(event.newValue)['channel'];
        return t('ticketPage.events.created', {
          channel: typeof channel === 'string' ? labels.channelLabel(channel as TicketChannel) : '—',
        });
      }
      case 'field_changed':
        if (isField(event.field)) {
          const field = event.field;
          if (event.actorType === 'rule') {
            return event.newValue === null || (Array.isArray(event.newValue) && event.newValue.length === 0)
              ? t('ticketPage.events.ruleCleared', { rule, field: t(`ticket.field.${field}`) })
              : t('ticketPage.events.ruleSet', { rule, field: t(`ticket.field.${field}`), value: valueText(field, event.newValue) });
          }
          const change = {
            field: t(`ticket.fieldName.${field}`),
            from: valueText(field, event.oldValue),
            to: valueText(field, event.newValue),
          };
          return event.actorType === 'system'
            ? t('ticketPage.events.systemChanged', change)
            : t('ticketPage.events.changed', { ...change, actor: actorText(event) });
        }
        break;
      case 'rule_applied':
        return t('ticketPage.events.ruleApplied', { rule });
      case 'rule_action_skipped': {
        const action = asObject(event.newValue)['action'];
        return t('ticketPage.events.ruleSkipped', { rule, action: typeof action === 'string' ? action : '—' });
      }
      case 'message_bounced':
        return t('ticketPage.events.bounced');
      case 'auto_reply_withheld':
        return t('ticketPage.events.autoReplyWithheld');
      case 'sla_warning':
      case 'sla_breached': {
        const target = asObject(event.newValue)['target'];
        const known = ['firstResponse', 'nextResponse', 'resolution', 'statutory'] as const;
        const name = known.find((k) => k === target);
        const key = event.type === 'sla_warning' ? 'ticketPage.events.slaWarning' : 'ticketPage.events.slaBreached';
        return t(key, { target: name ? t(`ticketPage.events.slaTargets.${name}`) : String(target ?? '—') });
      }
      case 'survey_sent':
        return t('ticketPage.events.surveySent', { kind: String(asObject(event.newValue)['kind'] ?? '').toUpperCase() });
      case 'survey_answered': {
        const answer = asObject(event.newValue);
        return t('ticketPage.events.surveyAnswered', { score: `${String(answer['score'])} / ${answer['kind'] === 'nps' ? 10 : 5}` });
      }
      case 'customer_merged':
      case 'customer_unmerged': {
        const name = (value: unknown) => String(asObject(value)['name'] ?? asObject(value)['id'] ?? '—');
        const key = event.type === 'customer_merged' ? 'ticketPage.events.customerMerged' : 'ticketPage.events.customerUnmerged';
        return t(key, { from: name(event.oldValue), to: name(event.newValue), actor: actorText(event) });
      }
      case 'snoozed':
        return t('notifications.events.snoozed', {
          actor: actorText(event), time: typeof event.newValue === 'string' ? formatDateTime(event.newValue) : '—',
        });
      case 'unsnoozed':
        return t('notifications.events.unsnoozed');
      case 'reassigned_absent':
      case 'reassigned_inactive': {
        const key = event.type === 'reassigned_absent' ? 'ticketPage.events.reassignedAbsent' : 'ticketPage.events.reassignedInactive';
        return t(key, { from: valueText('assigneeId', event.oldValue), to: valueText('assigneeId', event.newValue) });
      }
    }
    return t('ticketPage.events.other', { type: event.type });
  };
}
