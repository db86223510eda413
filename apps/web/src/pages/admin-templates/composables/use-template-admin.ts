import { computed } from 'vue';
import { listQueues } from '../../../entities/queue/api';
import {
  createTemplate,
  deleteTemplate,
  listAllTemplates,
  listPlaceholders,
  updateTemplate,
  type NewTemplate,
  type Template,
} from '../../../entities/template/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

/** Reply templates, the queues they can be limited to and the placeholders they may use. */
export function useTemplateAdmin() {
  const templates = useApiData((_source: null, signal) => listAllTemplates(signal));
  const queues = useApiData((_source: null, signal) => listQueues(signal));
  const placeholders = useApiData((_source: null, signal) => listPlaceholders(signal));

  return {
    templates: computed(() => templates.data.value ?? []),
    queues: computed(() => queues.data.value ?? []),
    placeholders: computed(() => (placeholders.data.value ?? []).filter((placeholder) => placeholder.available)),
    loading: templates.loading,
    failure: computed(() => templates.failure.value ?? queues.failure.value),
    /** Saves a new template (no `existing`) or changes one; answers it as saved. */
    save: async (existing: Template | null, fields: NewTemplate): Promise<Template> => {
      const saved = existing ? await updateTemplate(existing.id, fields) : await createTemplate(fields);
      await templates.reload();
      return saved;
    },
    remove: async (template: Template) => {
      await deleteTemplate(template.id);
      await templates.reload();
    },
  };
}
