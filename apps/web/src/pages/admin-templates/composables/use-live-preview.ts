import { onScopeDispose, ref, watch, type Ref } from 'vue';
import { previewTemplateText, type TemplateLanguage, type TemplatePreview } from '../../../entities/template/api';
import { useTemplateErrorText } from './use-template-error-text';

export interface PreviewInput {
  subject: string;
  body: string;
  language: TemplateLanguage;
  /** A ticket number or id to fill the placeholders from; empty: example values. */
  ticket: string;
}

const DELAY_MS = 300;

/** The text being edited, rendered by the API as it would be sent, shortly after each change. */
export function useLivePreview(input: Ref<PreviewInput>) {
  const errorText = useTemplateErrorText();
  const preview = ref<TemplatePreview | null>(null);
  const error = ref<string | null>(null);
  const pending = ref(false);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: AbortController | null = null;

  async function render(): Promise<void> {
    inFlight?.abort();
    const { subject, body, language, ticket } = input.value;
    if (body.trim() === '') {
      preview.value = null;
      error.value = null;
      pending.value = false;
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    try {
      const answer = await previewTemplateText(
        { body, language, ...(subject.trim() ? { subject } : {}), ...(ticket.trim() ? { ticketId: ticket.trim() } : {}) },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      preview.value = answer;
      error.value = null;
    } catch (cause) {
      if (controller.signal.aborted) return;
      error.value = errorText(cause);
    } finally {
      if (inFlight === controller) {
        inFlight = null;
        pending.value = false;
      }
    }
  }

  watch(
    () => JSON.stringify(input.value),
    () => {
      pending.value = true;
      clearTimeout(timer);
      timer = setTimeout(() => void render(), DELAY_MS);
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    clearTimeout(timer);
    inFlight?.abort();
  });

  return { preview, error, pending };
}
