import type { TicketEvent } from '../../../entities/ticket/api';
import type { MessageKey } from '../../../shared/i18n/message-key';
import type { Translate } from '../../../shared/i18n/use-app-i18n';

const KEYS: Partial<Record<string, MessageKey>> = {
  merged: 'ticketRelations.events.merged',
  merged_from: 'ticketRelations.events.mergedFrom',
  split_to: 'ticketRelations.events.splitTo',
  split_from: 'ticketRelations.events.splitFrom',
  linked: 'ticketRelations.events.linked',
  unlinked: 'ticketRelations.events.unlinked',
};

/** The line of a merge, split or link event ("Scalone z #2026-000121 (Anna Nowak)"); null for any other event. */
export function relationEventText(event: TicketEvent, t: Translate, actor: string): string | null {
  const key = KEYS[event.type];
  if (!key) return null;
  const value = typeof event.newValue === 'object' && event.newValue !== null ? (event.newValue as Record<string, unknown>) : {};
  return t(key, { number: String(value['number'] ?? '—'), subject: String(value['subject'] ?? ''), actor });
}

/** The number of the ticket a merged ticket went into: its latest `merged` event's. */
export function mergedIntoNumber(events: readonly TicketEvent[]): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.type !== 'merged') continue;
    const number = (event.newValue as Record<string, unknown> | null)?.['number'];
    if (typeof number === 'string') return number;
  }
  return null;
}
