import { computed, ref } from 'vue';
import { fetchRawMail, listInboundMails, reprocessInboundMail, type InboundMail } from '../../../entities/inbound-mail/api';
import { useApiData } from '../../../shared/api-client/use-api-data';
import { useErrorText } from '../../../shared/i18n/use-error-text';

export const FAILED_PAGE_SIZE = 50;

/** Received mail whose processing failed: to read (as plain text) and to process again. */
export function useFailedMails() {
  const errorText = useErrorText();
  const page = ref(1);
  const { data, loading, failure, reload } = useApiData(
    (current, signal) => listInboundMails({ state: 'failed', limit: FAILED_PAGE_SIZE, offset: (current - 1) * FAILED_PAGE_SIZE }, signal),
    page,
  );

  /** The mail whose source is open, with the source once loaded. */
  const source = ref<{ mail: InboundMail; text: string | null; error: string | null } | null>(null);

  async function showSource(mail: InboundMail): Promise<void> {
    source.value = { mail, text: null, error: null };
    try {
      const text = await fetchRawMail(mail.id);
      if (source.value?.mail.id === mail.id) source.value = { mail, text, error: null };
    } catch (cause) {
      if (source.value?.mail.id === mail.id) source.value = { mail, text: null, error: errorText(cause) };
    }
  }

  /** Queues the mail for processing again; answers its state then. */
  async function reprocess(mail: InboundMail): Promise<InboundMail> {
    const queued = await reprocessInboundMail(mail.id);
    await reload();
    return queued;
  }

  return {
    page,
    mails: computed(() => data.value?.items ?? []),
    total: computed(() => data.value?.total ?? 0),
    loaded: computed(() => data.value !== null),
    loading,
    failure,
    reload,
    source,
    showSource,
    reprocess,
  };
}
