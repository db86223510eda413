import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, ref } from 'vue';
import type { Draft, DraftInput, DraftState } from '../draft-api';

// The draft routes of the API, as the composable reaches them.
const api = vi.hoisted(() => ({
  fetchDraft: vi.fn<(id: string) => Promise<DraftState>>(),
  saveDraft: vi.fn<(id: string, draft: DraftInput) => Promise<unknown>>(),
  deleteDraft: vi.fn<(id: string) => Promise<void>>(),
}));
vi.mock('../draft-api', () => api);

const { useReplyDraft } = await import('../use-reply-draft');

describe('the reply draft kept on the server', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    api.saveDraft.mockResolvedValue({});
    api.deleteDraft.mockResolvedValue();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.resetAllMocks();
  });

  /** The composable as the reply box uses it: inside a mounted component. */
  function open(body: { value: string }) {
    const applied: Draft[] = [];
    let draft!: ReturnType<typeof useReplyDraft>;
    const wrapper = mount(
      defineComponent({
        setup() {
          draft = useReplyDraft(ref('t1'), () => ({ type: 'reply', body: body.value }) as DraftInput, (d) => applied.push(d));
          return () => null;
        },
      }),
    );
    return { draft, applied, close: () => wrapper.unmount() };
  }

  it('saves what the agent typed while the saved draft was still loading, and keeps their text', async () => {
    let answer!: (state: DraftState) => void;
    api.fetchDraft.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const body = { value: '' };
    const { draft, applied, close } = open(body);

    body.value = 'Dzień dobry, sprawdzamy.';
    draft.schedule(); // typed before the GET answered
    answer({ draft: { type: 'reply', body: 'stary szkic' } as Draft, colleagues: [] });
    await flushPromises();
    expect(applied).toEqual([]);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.saveDraft).toHaveBeenCalledWith('t1', expect.objectContaining({ body: 'Dzień dobry, sprawdzamy.' }));
    expect(draft.state.value).toBe('saved');
    close();
  });

  it('restores the saved draft when the page changed the box itself (no text typed) while it was loading, and deletes nothing', async () => {
    let answer!: (state: DraftState) => void;
    api.fetchDraft.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const body = { value: '' };
    const { draft, applied, close } = open(body);

    draft.schedule(); // the box settling, copies offered: no text typed
    answer({ draft: { type: 'reply', body: 'zapisany szkic' } as Draft, colleagues: [] });
    await flushPromises();
    expect(applied.map((d) => d.body)).toEqual(['zapisany szkic']);
    expect(draft.restored.value).toBe(true);

    await vi.advanceTimersByTimeAsync(1_000);
    expect(api.deleteDraft).not.toHaveBeenCalled();
    close();
  });

  it('restores the saved draft when the agent has not typed yet', async () => {
    api.fetchDraft.mockResolvedValue({ draft: { type: 'reply', body: 'stary szkic' } as Draft, colleagues: [] });
    const { draft, applied, close } = open({ value: '' });
    await flushPromises();
    expect(applied.map((d) => d.body)).toEqual(['stary szkic']);
    expect(draft.restored.value).toBe(true);
    close();
  });
});
