import { onBeforeUnmount, onMounted } from 'vue';

/**
 * What a key does. Keys are named as KeyboardEvent.key reports them (`r`, `?`, `/`, `Enter`);
 * two keys pressed one after the other are written with a space (`g t`); a key held with Alt
 * as `Alt+n` (matched by the physical key, so it works whatever Alt types on the layout).
 */
export type ShortcutMap = Record<string, () => void>;

/** How long the second key of a sequence (`g` then `t`) may wait for. */
export const SEQUENCE_TIMEOUT_MS = 1500;

/** Whether the key press belongs to a field being typed in (shortcuts then stay out of the way). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !['checkbox', 'radio', 'button', 'submit'].includes((target as HTMLInputElement).type);
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'listbox';
}

const ACTIVATED_BY_ENTER = 'a, button, summary, [role="button"], [role="link"], [role="menuitem"], [role="option"], [role="tab"], [role="checkbox"]';

interface Registration {
  shortcuts: () => ShortcutMap;
  /** Shell-wide shortcuts give way to those of the page shown. */
  global: boolean;
}

// One listener for the whole panel: the page's shortcuts (the latest shown first), then the shell's.
const registrations: Registration[] = [];
let pending: { key: string; at: number } | null = null;

function ordered(): Registration[] {
  const pages = registrations.filter((item) => !item.global).reverse();
  return [...pages, ...registrations.filter((item) => item.global).reverse()];
}

function find(name: string): (() => void) | undefined {
  for (const registration of ordered()) {
    const action = registration.shortcuts()[name];
    if (action) return action;
  }
  return undefined;
}

function startsSequence(key: string): boolean {
  return ordered().some((registration) => Object.keys(registration.shortcuts()).some((name) => name.startsWith(`${key} `)));
}

function altName(event: KeyboardEvent): string | null {
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1];
  return letter ? `Alt+${letter.toLowerCase()}` : null;
}

function onKey(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.isComposing) return;
  if (event.target instanceof HTMLElement && event.target.closest('[role="dialog"]')) return;
  if (event.altKey) {
    // Alt chords work while typing too: they type nothing there.
    const name = altName(event);
    const action = name ? find(name) : undefined;
    if (!action) return;
    event.preventDefault();
    action();
    return;
  }
  if (isTyping(event.target)) {
    pending = null;
    return;
  }
  // Enter on a link, a button or a menu does what that element does.
  if (event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest(ACTIVATED_BY_ENTER)) return;
  const previous = pending;
  pending = null;
  if (previous && event.timeStamp - previous.at <= SEQUENCE_TIMEOUT_MS) {
    const action = find(`${previous.key} ${event.key}`);
    if (action) {
      event.preventDefault();
      action();
      return;
    }
  }
  const action = find(event.key);
  if (action) {
    event.preventDefault();
    action();
    return;
  }
  if (event.key.length === 1 && startsSequence(event.key)) {
    event.preventDefault();
    pending = { key: event.key, at: event.timeStamp };
  }
}

/**
 * Keyboard shortcuts while this component is shown: ignored while the user types in a field
 * (except Alt chords), with Ctrl or Meta held, or when a dialog has the focus. `global` ones
 * (the shell's) apply on every page unless the page itself uses the same key.
 */
export function useKeyboardShortcuts(shortcuts: () => ShortcutMap, options: { global?: boolean } = {}): void {
  const registration: Registration = { shortcuts, global: options.global ?? false };
  onMounted(() => {
    if (registrations.length === 0) window.addEventListener('keydown', onKey);
    registrations.push(registration);
  });
  onBeforeUnmount(() => {
    const index = registrations.indexOf(registration);
    if (index !== -1) registrations.splice(index, 1);
    if (registrations.length === 0) {
      window.removeEventListener('keydown', onKey);
      pending = null;
    }
  });
}
