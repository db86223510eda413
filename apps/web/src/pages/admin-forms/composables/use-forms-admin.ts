import { computed } from 'vue';
import { createChannel, listChannels, updateChannel, type Channel } from '../../../entities/channel/api';
import { fileAsNotSpam, listSpamSubmissions, type FormSubmission } from '../../../entities/web-form/api';
import { useApiData } from '../../../shared/api-client/use-api-data';

/** The web forms (channels of type web_form) and the submissions kept as spam. */
export function useFormsAdmin() {
  const channels = useApiData((_source: null, signal) => listChannels(signal));
  const spam = useApiData((_source: null, signal) => listSpamSubmissions(signal));

  return {
    forms: computed(() => (channels.data.value ?? []).filter((c) => c.type === 'web_form')),
    spam: computed(() => spam.data.value ?? []),
    loading: computed(() => channels.loading.value || spam.loading.value),
    failure: computed(() => channels.failure.value ?? spam.failure.value),
    create: async (input: { name: string; kind: 'contact' | 'complaint'; allowedOrigins: string[] }): Promise<Channel> => {
      const created = await createChannel({ type: 'web_form', name: input.name, settings: { kind: input.kind, allowedOrigins: input.allowedOrigins } });
      await channels.reload();
      return created;
    },
    saveOrigins: async (form: Channel, allowedOrigins: string[]) => {
      await updateChannel(form.id, { settings: { ...form.settings, allowedOrigins } });
      await channels.reload();
    },
    notSpam: async (submission: FormSubmission): Promise<FormSubmission> => {
      const filed = await fileAsNotSpam(submission.id);
      await spam.reload();
      return filed;
    },
  };
}
