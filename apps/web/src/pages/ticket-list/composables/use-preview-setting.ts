import { ref, watch, type Ref } from 'vue';

const STORAGE_PREFIX = 'okienko.ticketList.preview.';

function read(key: string): boolean {
  try {
    return window.localStorage.getItem(key) === 'on';
  } catch {
    return false;
  }
}

/** Whether the list shows the preview pane: off until the agent turns it on, then remembered for that agent in this browser. */
export function usePreviewSetting(userId: () => string | null): Ref<boolean> {
  const key = () => `${STORAGE_PREFIX}${userId() ?? 'anyone'}`;
  const shown = ref(read(key()));
  watch(userId, () => {
    shown.value = read(key());
  });
  watch(shown, (on) => {
    try {
      if (on) window.localStorage.setItem(key(), 'on');
      else window.localStorage.removeItem(key());
    } catch {
      // Storage may be full or blocked: the choice then lasts until the page is left.
    }
  });
  return shown;
}
