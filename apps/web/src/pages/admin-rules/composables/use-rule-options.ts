import { SURVEY_KINDS, TICKET_CHANNELS, TICKET_PRIORITIES, TICKET_STATUSES } from '@okienko/domain';
import { MARKETPLACES, type Marketplace } from '@okienko/routing';
import { computed } from 'vue';
import { listCategories } from '../../../entities/category/api';
import { listChannels } from '../../../entities/channel/api';
import { listQueues } from '../../../entities/queue/api';
import { useTicketLabels } from '../../../entities/ticket/composables/use-ticket-labels';
import { listAllTemplates } from '../../../entities/template/api';
import { listAllUsers } from '../../../entities/user/api';
import { useApiData } from '../../../shared/api-client/use-api-data';
import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import { formFieldChoices } from './form-field-choices';
import type { ActionParamInput } from './rule-form';

/** Marketplaces by their own names (the same in every language). */
const MARKETPLACE_NAMES: Readonly<Record<Marketplace, string>> = { allegro: 'Allegro', amazon: 'Amazon' };

export interface Choice {
  value: string;
  label: string;
}

/** What a condition or an action can point at: queues, categories, users, templates, the ticket enums and the forms' fields, by name. */
export function useRuleOptions() {
  const { t, locale } = useAppI18n();
  const { statusLabel, priorityLabel, channelLabel } = useTicketLabels();
  const queues = useApiData((_source: null, signal) => listQueues(signal));
  const categories = useApiData((_source: null, signal) => listCategories(signal));
  const users = useApiData((_source: null, signal) => listAllUsers(signal));
  const templates = useApiData((_source: null, signal) => listAllTemplates(signal));
  const channels = useApiData((_source: null, signal) => listChannels(signal));
  /** The `form.<name>` condition fields of the web forms. */
  const formFields = computed(() => formFieldChoices(channels.data.value ?? [], locale.value === 'en' ? 'en' : 'pl'));

  const choices = computed<Record<ActionParamInput | 'channel' | 'marketplace', Choice[]>>(() => ({
    queue: (queues.data.value ?? []).map((queue) => ({ value: queue.id, label: queue.name })),
    category: (categories.data.value ?? []).map((category) => ({ value: category.id, label: category.name })),
    user: (users.data.value ?? []).map((user) => ({ value: user.id, label: user.name })),
    template: (templates.data.value ?? []).map((template) => ({ value: template.id, label: template.title })),
    priority: TICKET_PRIORITIES.map((value) => ({ value, label: priorityLabel(value) })),
    status: TICKET_STATUSES.map((value) => ({ value, label: statusLabel(value) })),
    channel: TICKET_CHANNELS.map((value) => ({ value, label: channelLabel(value) })),
    marketplace: MARKETPLACES.map((value) => ({ value, label: MARKETPLACE_NAMES[value] })),
    notifyTarget: (['assignee', 'queue', 'lead', 'user'] as const).map((value) => ({ value, label: t(`admin.rules.notifyTarget.${value}`) })),
    surveyKind: SURVEY_KINDS.map((value) => ({ value, label: t(`admin.rules.surveyKind.${value}`) })),
    text: [],
  }));

  /** The choices of a condition field that names something (queue, status, …); null for free text. */
  function fieldChoices(field: string): Choice[] | null {
    const map: Record<string, ActionParamInput | 'channel' | 'marketplace'> = {
      queue: 'queue',
      category: 'category',
      assignee: 'user',
      priority: 'priority',
      status: 'status',
      channel: 'channel',
      marketplace: 'marketplace',
    };
    const input = map[field];
    return input ? choices.value[input] : null;
  }

  return { choices, fieldChoices, formFields };
}
