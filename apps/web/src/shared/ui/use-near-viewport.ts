import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** How far outside the window an element counts as near: about two screens, so scrolling finds it ready. */
const MARGIN = '1600px 0px';

let observer: IntersectionObserver | null = null;
const waiting = new Map<Element, () => void>();

function shared(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        waiting.get(entry.target)?.();
      }
    },
    { rootMargin: MARGIN },
  );
  return observer;
}

/**
 * Becomes true (and stays so) once the element has come near the visible part
 * of the page, for putting off costly content (a mail's HTML frame) that
 * nobody has scrolled to. One observer serves every element. Without
 * IntersectionObserver everything counts as near.
 */
export function useNearViewport(element: Ref<Element | null>): Ref<boolean> {
  const near = ref(typeof IntersectionObserver === 'undefined');
  let watched: Element | null = null;

  function stop(): void {
    if (!watched) return;
    waiting.delete(watched);
    shared().unobserve(watched);
    watched = null;
  }

  onMounted(() => {
    if (near.value || !element.value) return;
    watched = element.value;
    waiting.set(watched, () => {
      near.value = true;
      stop();
    });
    shared().observe(watched);
  });
  onBeforeUnmount(stop);

  return near;
}
