import { onScopeDispose, ref, type Ref } from 'vue';

const MIN_HEIGHT = 48;
/** Longer mails scroll inside their frame instead of stretching the thread without end. */
const MAX_HEIGHT = 900;

/** The height of an iframe that fits its (script-free) document, measured from the panel's side. */
export function useFrameHeight(frame: Ref<HTMLIFrameElement | null>) {
  const height = ref(MIN_HEIGHT);
  let observer: ResizeObserver | null = null;

  function measure(): void {
    const body = frame.value?.contentDocument?.body;
    const root = frame.value?.contentDocument?.documentElement;
    if (!body || !root) return;
    const content = Math.max(body.scrollHeight, root.scrollHeight);
    height.value = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(content) + 2));
  }

  /** Call on the frame's `load`: measures now and whenever the content reflows (e.g. a narrower window). */
  function onLoad(): void {
    measure();
    observer?.disconnect();
    const body = frame.value?.contentDocument?.body;
    if (body && typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(measure);
      observer.observe(body);
    }
  }

  onScopeDispose(() => observer?.disconnect());

  return { height, onLoad };
}
