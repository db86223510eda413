import type { MessageKey } from '../../shared/i18n/message-key';

/** One line of the shortcuts help: the keys as pressed (a space between keys pressed one after another) and what they do. */
export interface ShortcutEntry {
  keys: string;
  text: MessageKey;
}

/** The ticket list's own keys. */
export const LIST_SHORTCUTS: readonly ShortcutEntry[] = [
  { keys: 'j', text: 'keyboard.keys.next' },
  { keys: 'k', text: 'keyboard.keys.previous' },
  { keys: 'Enter', text: 'keyboard.keys.open' },
  { keys: 'x', text: 'keyboard.keys.select' },
  { keys: 'e', text: 'keyboard.keys.resolve' },
  { keys: 'a', text: 'keyboard.keys.assignToMe' },
  { keys: 's', text: 'keyboard.keys.snooze' },
  { keys: 'p', text: 'keyboard.keys.preview' },
  { keys: '?', text: 'keyboard.keys.help' },
];

/** Keys that work on every page of the panel. */
export const GLOBAL_SHORTCUTS: readonly ShortcutEntry[] = [
  { keys: '/', text: 'keyboard.keys.search' },
  { keys: 'g t', text: 'keyboard.keys.goToday' },
  { keys: 'g l', text: 'keyboard.keys.goList' },
  { keys: 'c', text: 'keyboard.keys.newTicket' },
];
