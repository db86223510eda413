import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../../entities/ticket/api';
import { pl } from '../../../../shared/i18n/pl';
import { mergedIntoNumber, relationEventText } from '../relation-event-text';

/** The Polish text of a key with its placeholders filled, as vue-i18n does for these messages. */
const t = (key: string, values: Record<string, unknown> = {}): string => {
  const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], pl) as string;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
};

function event(type: string, newValue: unknown, id = 1): TicketEvent {
  return { id, type, actorType: 'user', actorId: 'u-1', actorName: 'Anna Nowak', field: null, oldValue: null, newValue: newValue as TicketEvent['newValue'], createdAt: '2026-12-07T10:00:00.000Z' };
}

describe('merge, split and link events in the thread', () => {
  it('names the other ticket and who did it', () => {
    expect(relationEventText(event('merged', { ticketId: 't-2', number: '2026-000002', subject: 'Paczka' }), t, 'Anna Nowak')).toBe(
      'Scalone z #2026-000002 (Anna Nowak)',
    );
    expect(relationEventText(event('merged_from', { ticketId: 't-1', number: '2026-000001', subject: 'Zdjęcia' }), t, 'Anna Nowak')).toBe(
      'Dołączono zgłoszenie #2026-000001 „Zdjęcia” (Anna Nowak)',
    );
    expect(relationEventText(event('split_to', { number: '2026-000003' }), t, 'Anna Nowak')).toBe(
      'Wiadomości przeniesione do nowego zgłoszenia #2026-000003 (Anna Nowak)',
    );
    expect(relationEventText(event('unlinked', { number: '2026-000004', kind: 'related' }), t, 'Ola')).toBe('Usunięto powiązanie z #2026-000004 (Ola)');
  });

  it('leaves every other event to the thread\'s own texts', () => {
    expect(relationEventText(event('field_changed', 'closed'), t, 'Anna Nowak')).toBeNull();
  });

  it('finds the ticket a merged ticket went into: the latest merge', () => {
    expect(mergedIntoNumber([event('created', {}, 1), event('merged', { number: '2026-000002' }, 2)])).toBe('2026-000002');
    expect(mergedIntoNumber([event('merged', { number: '2026-000002' }, 1), event('merged', { number: '2026-000009' }, 2)])).toBe('2026-000009');
    expect(mergedIntoNumber([event('created', {}, 1)])).toBeNull();
  });
});
