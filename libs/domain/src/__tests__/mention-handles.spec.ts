import { describe, expect, it } from '@jest/globals';
import { agentHandles, mentionedAgents, mentionedHandles, normalizeHandle } from '../notifications/mention-handles.js';
import { planSnooze } from '../snooze/snooze.js';

const ala = { email: 'ala.nowak@firma.pl', name: 'Ala Nowak' };
const bartek = { email: 'b.zielinski@firma.pl', name: 'Bartek Zieliński' };
const lukasz = { email: 'lukasz@firma.pl', name: 'Łukasz Wójcik' };

describe('mention handles', () => {
  it('an agent is mentioned by the e-mail local part or the name without spaces, case and diacritics aside', () => {
    expect(agentHandles(bartek)).toEqual(['b.zielinski', 'bartekzielinski']);
    expect(normalizeHandle('ŁukaszWójcik')).toBe('lukaszwojcik');
    expect(mentionedAgents('@BartekZieliński i @ŁUKASZ, zerknijcie', [ala, bartek, lukasz])).toEqual([bartek, lukasz]);
    expect(mentionedAgents('(@ala.nowak) proszę.', [ala, bartek])).toEqual([ala]);
  });

  it('e-mail addresses and a trailing full stop are not mentions', () => {
    expect(mentionedHandles('Klient pisze z jan@example.pl')).toEqual([]);
    expect(mentionedHandles('Dzięki @ala.nowak.')).toEqual(['ala.nowak']);
    expect(mentionedAgents('@nikt', [ala])).toEqual([]);
  });
});

describe('snooze plan', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const later = new Date('2026-12-08T08:00:00Z');
  it('snoozes a waiting ticket until a moment to come, refuses the past and other statuses', () => {
    expect(planSnooze(null, later, 'waiting_customer', now)).toEqual({ kind: 'snooze', until: later });
    expect(planSnooze(null, now, 'waiting_third_party', now)).toEqual({ kind: 'refused', problem: 'in_past' });
    expect(planSnooze(null, later, 'open', now)).toEqual({ kind: 'refused', problem: 'not_waiting' });
  });

  it('wakes when asked (null) or when the ticket leaves the waiting statuses; otherwise nothing', () => {
    expect(planSnooze(later, null, 'waiting_customer', now)).toEqual({ kind: 'wake', reason: 'agent' });
    expect(planSnooze(later, undefined, 'open', now)).toEqual({ kind: 'wake', reason: 'status_changed' });
    expect(planSnooze(later, undefined, 'waiting_customer', now)).toEqual({ kind: 'none' });
    expect(planSnooze(null, null, 'open', now)).toEqual({ kind: 'none' });
  });
});
