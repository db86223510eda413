import { onBeforeUnmount, ref, watch, type Ref } from 'vue';
import { deleteDraft, fetchDraft, saveDraft, type Draft, type DraftInput, type DraftState } from './draft-api';

const SAVE_DELAY_MS = 800;

/**
 * The reply box's draft kept on the server: loaded when the ticket opens (so
 * it survives a reload and follows the agent to another browser), saved a
 * moment after each change, and gone once the message is sent. Also tells
 * which colleagues have a draft on the ticket.
 */
export function useReplyDraft(ticketId: Ref<string | null>, content: () => DraftInput, apply: (draft: Draft) => void) {
  const state = ref<'idle' | 'saving' | 'saved'>('idle');
  const restored = ref(false);
  const colleagues = ref<DraftState['colleagues']>([]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  let loading = false;
  /** The agent typed while the draft was still being loaded: their text wins and is saved once loading ends. */
  let changedWhileLoading = false;
  /** The text in the box when loading began: changes the page makes itself meanwhile (copies offered, an editor
   * settling) are not typing, and must not keep the saved draft out (nor delete it). */
  let textAtLoad = '';
  let lastSaved = '';

  async function load(id: string): Promise<void> {
    loading = true;
    textAtLoad = content().body.trim();
    try {
      const answer = await fetchDraft(id);
      colleagues.value = answer.colleagues;
      if (answer.draft && ticketId.value === id && !changedWhileLoading) {
        apply(answer.draft);
        restored.value = answer.draft.body.trim() !== '';
        lastSaved = JSON.stringify(content());
      }
    } catch {
      // Without the draft the box simply starts empty.
    } finally {
      loading = false;
      if (changedWhileLoading) {
        changedWhileLoading = false;
        schedule();
      }
    }
  }

  /** Who else is writing here, read again (on presence changes). */
  async function refreshColleagues(): Promise<void> {
    const id = ticketId.value;
    if (!id) return;
    try {
      colleagues.value = (await fetchDraft(id)).colleagues;
    } catch {
      // Keep what was shown.
    }
  }

  function schedule(): void {
    if (loading && content().body.trim() !== textAtLoad) changedWhileLoading = true;
    if (loading || !ticketId.value) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }

  async function flush(): Promise<void> {
    clearTimeout(timer);
    const id = ticketId.value;
    if (!id) return;
    const draft = content();
    const serialised = JSON.stringify(draft);
    if (serialised === lastSaved) return;
    lastSaved = serialised;
    state.value = 'saving';
    const empty = !draft.body.trim() && !(draft.ccAddresses?.length) && !(draft.bccAddresses?.length);
    inFlight = (empty ? deleteDraft(id) : saveDraft(id, draft)).then(
      () => (state.value = empty ? 'idle' : 'saved'),
      () => (state.value = 'idle'),
    );
    await inFlight;
  }

  /** Before sending: nothing pending, nothing still on its way (the server deletes the draft with the message). */
  async function settle(): Promise<void> {
    clearTimeout(timer);
    await inFlight;
  }

  /** After sending: the draft is gone on the server too. */
  function sent(): void {
    clearTimeout(timer);
    lastSaved = JSON.stringify(content());
    state.value = 'idle';
    restored.value = false;
  }

  async function discard(): Promise<void> {
    await settle();
    if (ticketId.value) await deleteDraft(ticketId.value).catch(() => undefined);
    restored.value = false;
    state.value = 'idle';
  }

  watch(ticketId, (id) => {
    clearTimeout(timer);
    restored.value = false;
    colleagues.value = [];
    changedWhileLoading = false;
    lastSaved = '';
    if (id) void load(id);
  }, { immediate: true });

  onBeforeUnmount(() => {
    // Leaving the page saves what is still pending.
    if (timer) void flush();
  });

  return { state, restored, colleagues, schedule, flush, settle, sent, discard, refreshColleagues };
}
