import { onBeforeUnmount, onMounted } from 'vue';

/** What a key does; `key` as KeyboardEvent.key reports it (`r`, `?`, `]`). */
export type ShortcutMap = Record<string, () => void>;

/** Whether the key press belongs to a field being typed in (shortcuts then stay out of the way). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type);
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'listbox';
}

/**
 * Single-key shortcuts while this component is shown: ignored while the user
 * types in a field, with Ctrl, Alt or Meta held, or when a dialog has the focus.
 */
export function useKeyboardShortcuts(shortcuts: () => ShortcutMap): void {
  const onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    if (typing(event.target)) return;
    if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"]')) return;
    const action = shortcuts()[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
