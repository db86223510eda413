import { isTicketChannel, TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from '@okienko/domain';
import type { DryRunAction, DryRunChange } from '../../../entities/rule/api';
import { useTicketLabels } from '../../../entities/ticket/composables/use-ticket-labels';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';

const isPriority = (value: string): value is TicketPriority => (TICKET_PRIORITIES as readonly string[]).includes(value);
const isStatus = (value: string): value is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(value);

/**
 * The dry run's values in the panel's language: priorities, statuses and
 * channels by their names, and the engine's notes (`matched "…"`,
 * `cannot judge: …`) as sentences of the current language.
 */
export function useDryRunTexts() {
  const { t } = useAppI18n();
  const { priorityLabel, statusLabel, channelLabel } = useTicketLabels();

  /** One value of a field as the panel names it (other fields' values as they are). */
  function fieldValue(field: unknown, value: string): string {
    if (field === 'priority' && isPriority(value)) return priorityLabel(value);
    if (field === 'status' && isStatus(value)) return statusLabel(value);
    if (field === 'channel' && isTicketChannel(value)) return channelLabel(value);
    return value;
  }

  /** A condition's expected value or the ticket's actual one (lists joined). */
  function conditionValue(field: unknown, value: unknown): string {
    if (Array.isArray(value)) return value.map((one) => fieldValue(field, String(one))).join(', ');
    return fieldValue(field, String(value ?? ''));
  }

  /** A change's side: the name the API gave (queue, category, user), else the value's label, else "nothing". */
  function changeValue(change: DryRunChange, side: 'from' | 'to'): string {
    const label = side === 'from' ? change.fromLabel : change.toLabel;
    const value = side === 'from' ? change.from : change.to;
    if (value === null || value === '') return t('admin.rules.dryRun.nothing');
    // Priorities and statuses by the panel's own names (the API labels them with their values).
    if (change.field === 'priority' || change.field === 'status') return fieldValue(change.field, value);
    return label || value;
  }

  /** The engine's note on a condition. */
  function noteText(note: unknown): string {
    const text = String(note ?? '');
    const matched = /^matched "(.*)"$/s.exec(text);
    if (matched) return t('admin.rules.dryRun.note.matched', { value: matched[1] });
    if (text.startsWith('cannot judge: unsafe or invalid regex')) return t('admin.rules.dryRun.note.badRegex');
    if (text.startsWith('cannot judge: no value')) return t('admin.rules.dryRun.note.noValue');
    if (text.startsWith('cannot judge:')) return t('admin.rules.dryRun.note.cannotJudge');
    if (text.startsWith('unknown field')) return t('admin.rules.dryRun.note.unknownField');
    return text;
  }

  /** What an action beyond the ticket's fields would do, from its `params` (the API's English description otherwise). */
  function actionText(action: DryRunAction): string {
    const params = (action.params ?? {}) as Record<string, unknown>;
    const text = (key: string) => String(params[key] ?? '');
    switch (action.type) {
      case 'assign_by_strategy':
        return params['queue'] ? t('admin.rules.dryRun.action.assignByStrategy', { queue: text('queue') }) : t('admin.rules.dryRun.action.assignNoQueue');
      case 'add_note':
        return t('admin.rules.dryRun.action.addNote');
      case 'reply_with_template':
        return t('admin.rules.dryRun.action.replyWithTemplate', { template: text('template') });
      case 'notify': {
        const recipients = Array.isArray(params['recipients']) ? (params['recipients'] as string[]) : [];
        return recipients.length > 0
          ? t('admin.rules.dryRun.action.notify', { recipients: recipients.join(', ') })
          : t('admin.rules.dryRun.action.notifyNobody');
      }
      case 'forward_copy':
        return t('admin.rules.dryRun.action.forwardCopy', { address: text('address') });
      case 'call_webhook':
        return t('admin.rules.dryRun.action.callWebhook', { url: text('url') });
      case 'send_survey':
        return t('admin.rules.dryRun.action.sendSurvey', { kind: text('kind').toUpperCase(), scale: text('kind') === 'csat' ? '1–5' : '0–10', days: text('days') });
      default:
        return action.description;
    }
  }

  return { changeValue, conditionValue, noteText, actionText };
}
