import { shallowRef } from 'vue';

/** Split mode of a ticket page: the messages chosen in the thread to move to a new ticket. */
export interface SplitMode {
  ticketId: string;
  chosen: ReadonlySet<string>;
}

/** The one split mode of the panel (one ticket page is shown at a time); null when off. */
export const splitMode = shallowRef<SplitMode | null>(null);

export function startSplitMode(ticketId: string): void {
  splitMode.value = { ticketId, chosen: new Set() };
}

export function stopSplitMode(): void {
  splitMode.value = null;
}

/** Chooses or leaves a message of the ticket in split mode. */
export function chooseForSplit(messageId: string, on: boolean): void {
  const mode = splitMode.value;
  if (!mode) return;
  const chosen = new Set(mode.chosen);
  if (on) chosen.add(messageId);
  else chosen.delete(messageId);
  splitMode.value = { ...mode, chosen };
}
