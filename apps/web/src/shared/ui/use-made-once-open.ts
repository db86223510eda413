import { ref, watch, type Ref } from 'vue';

/**
 * Whether a dialog should exist yet: false until it is first opened, true from
 * then on. A page with many dialogs (an image preview per attachment, the
 * list of shortcuts) does not make them all while it opens; once made, a
 * dialog stays, so closing it plays out as usual (focus goes back where it was).
 */
export function useMadeOnceOpen(open: Ref<boolean>): Ref<boolean> {
  const made = ref(open.value);
  watch(open, (value) => {
    if (value) made.value = true;
  });
  return made;
}
