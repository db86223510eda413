import { computed } from 'vue';
import {
  createCalendar,
  deleteCalendar,
  listCalendars,
  updateCalendar,
  type Calendar,
  type NewCalendar,
} from '../../../entities/calendar/api';
import { listCategories } from '../../../entities/category/api';
import { listQueues } from '../../../entities/queue/api';
import {
  createSlaPolicy,
  deleteSlaPolicy,
  listSlaPolicies,
  reorderSlaPolicies,
  updateSlaPolicy,
  type NewSlaPolicy,
  type SlaPolicy,
} from '../../../entities/sla-policy/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

/** SLA policies in the order they are tried, and the business calendars they count on. */
export function useSlaAdmin() {
  const policies = useApiData((_source: null, signal) => listSlaPolicies(signal));
  const calendars = useApiData((_source: null, signal) => listCalendars(signal));
  const queues = useApiData((_source: null, signal) => listQueues(signal));
  const categories = useApiData((_source: null, signal) => listCategories(signal));

  return {
    policies: computed(() => policies.data.value ?? []),
    calendars: computed(() => calendars.data.value ?? []),
    queues: computed(() => queues.data.value ?? []),
    categories: computed(() => categories.data.value ?? []),
    loading: computed(() => policies.loading.value || calendars.loading.value),
    failure: computed(() => policies.failure.value ?? calendars.failure.value ?? queues.failure.value ?? categories.failure.value),
    savePolicy: async (existing: SlaPolicy | null, fields: NewSlaPolicy) => {
      if (existing) await updateSlaPolicy(existing.id, fields);
      else await createSlaPolicy(fields);
      await policies.reload();
    },
    /** Moves a policy one place earlier (-1) or later (+1) in the order they are tried. */
    movePolicy: async (policy: SlaPolicy, by: -1 | 1) => {
      const ids = (policies.data.value ?? []).map((candidate) => candidate.id);
      const from = ids.indexOf(policy.id);
      const to = from + by;
      if (from < 0 || to < 0 || to >= ids.length) return;
      ids.splice(from, 1);
      ids.splice(to, 0, policy.id);
      await reorderSlaPolicies(ids);
      await policies.reload();
    },
    removePolicy: async (policy: SlaPolicy) => {
      await deleteSlaPolicy(policy.id);
      await policies.reload();
    },
    saveCalendar: async (existing: Calendar | null, fields: NewCalendar) => {
      if (existing) await updateCalendar(existing.id, fields);
      else await createCalendar(fields);
      await calendars.reload();
    },
    removeCalendar: async (calendar: Calendar) => {
      await deleteCalendar(calendar.id);
      await calendars.reload();
    },
  };
}
