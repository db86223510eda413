import { onScopeDispose, ref } from 'vue';
import { fetchAttachment } from './attachment-file';

/**
 * An image attachment as a blob URL for `<img>` (loaded once, released with
 * the component). `state` says whether it is still loading or could not be had.
 */
export function useAttachmentImage(ticketId: string, attachment: { id: string; contentType: string }) {
  const url = ref<string | null>(null);
  const state = ref<'loading' | 'ready' | 'failed'>('loading');
  let disposed = false;

  fetchAttachment(ticketId, attachment).then(
    (blob) => {
      if (disposed) return;
      url.value = URL.createObjectURL(blob);
      state.value = 'ready';
    },
    () => {
      if (!disposed) state.value = 'failed';
    },
  );

  onScopeDispose(() => {
    disposed = true;
    if (url.value) URL.revokeObjectURL(url.value);
  });

  return { url, state };
}
