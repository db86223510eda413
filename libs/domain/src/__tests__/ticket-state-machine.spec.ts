import { describe, it, expect } from '@jest/globals';
import { TICKET_STATUSES, type TicketStatus } from '../ticket-status.js';
import { allowedTransitions, canTransition, planStatusChange } from '../ticket-state-machine.js';

const NOW = new Date('2026-03-15T10:20:30.000Z');

/** The agreed table: row = from, column = to. */
const TABLE: Record<TicketStatus, Record<TicketStatus, boolean>> = {
  new: { new: false, open: true, waiting_customer: true, waiting_third_party: true, resolved: true, closed: true },
  open: { new: false, open: false, waiting_customer: true, waiting_third_party: true, resolved: true, closed: true },
  waiting_customer: { new: false, open: true, waiting_customer: false, waiting_third_party: true, resolved: true, closed: true },
  waiting_third_party: { new: false, open: true, waiting_customer: true, waiting_third_party: false, resolved: true, closed: true },
  resolved: { new: false, open: true, waiting_customer: false, waiting_third_party: false, resolved: false, closed: true },
  closed: { new: false, open: true, waiting_customer: false, waiting_third_party: false, resolved: false, closed: false },
};

/** What each allowed move does to the timestamps: 'now', null (cleared) or 'absent' (untouched). */
type Stamp = 'now' | null | 'absent';
function expectedStamps(from: TicketStatus, to: TicketStatus): { reopened: boolean; resolvedAt: Stamp; closedAt: Stamp } {
  if (to === 'resolved') return { reopened: false, resolvedAt: 'now', closedAt: 'absent' };
  if (to === 'closed') return { reopened: false, resolvedAt: from === 'resolved' ? 'absent' : 'now', closedAt: 'now' };
  if (from === 'resolved' || from === 'closed') return { reopened: true, resolvedAt: null, closedAt: null };
  return { reopened: false, resolvedAt: 'absent', closedAt: 'absent' };
}

const PAIRS = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const));

describe('ticket state machine', () => {
  it('covers all 36 pairs', () => {
    expect(PAIRS).toHaveLength(36);
  });

  describe.each(PAIRS)('%s → %s', (from, to) => {
    const allowed = TABLE[from][to];

    it(`canTransition is ${allowed}`, () => {
      expect(canTransition(from, to)).toBe(allowed);
      expect(allowedTransitions(from).includes(to)).toBe(allowed);
    });

    it('planStatusChange agrees with the table', () => {
      const plan = planStatusChange(from, to, NOW);
      if (!allowed) {
        expect(plan).toEqual({ ok: false, reason: from === to ? 'same_status' : 'not_allowed', allowed: allowedTransitions(from) });
        return;
      }
      const expected = expectedStamps(from, to);
      expect(plan.ok).toBe(true);
      if (!plan.ok) return;
      expect(plan.status).toBe(to);
      expect(plan.reopened).toBe(expected.reopened);
      for (const key of ['resolvedAt', 'closedAt'] as const) {
        const stamp = expected[key];
        if (stamp === 'absent') expect(key in plan).toBe(false);
        else if (stamp === null) expect(plan[key]).toBeNull();
        else expect(plan[key]).toEqual(NOW);
      }
    });
  });

  it('never lets anything move into new', () => {
    for (const from of TICKET_STATUSES) expect(canTransition(from, 'new')).toBe(false);
  });

  it('lists the allowed targets in display order', () => {
    expect(allowedTransitions('new')).toEqual(['open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed']);
    expect(allowedTransitions('open')).toEqual(['waiting_customer', 'waiting_third_party', 'resolved', 'closed']);
    expect(allowedTransitions('waiting_customer')).toEqual(['open', 'waiting_third_party', 'resolved', 'closed']);
    expect(allowedTransitions('waiting_third_party')).toEqual(['open', 'waiting_customer', 'resolved', 'closed']);
    expect(allowedTransitions('resolved')).toEqual(['open', 'closed']);
    expect(allowedTransitions('closed')).toEqual(['open']);
  });

  it('does not let callers change the table', () => {
    const list = allowedTransitions('closed') as TicketStatus[];
    expect(() => list.push('resolved')).toThrow(TypeError);
    expect(canTransition('closed', 'resolved')).toBe(false);
  });

  it('treats unknown statuses from untrusted input as having no way out', () => {
    expect(allowedTransitions('archived' as TicketStatus)).toEqual([]);
    expect(allowedTransitions('constructor' as TicketStatus)).toEqual([]);
    expect(canTransition('open', 'archived' as TicketStatus)).toBe(false);
    expect(planStatusChange('open', 'archived' as TicketStatus, NOW)).toEqual({
      ok: false,
      reason: 'not_allowed',
      allowed: ['waiting_customer', 'waiting_third_party', 'resolved', 'closed'],
    });
  });

  it('spells out the timestamp rules', () => {
    expect(planStatusChange('open', 'resolved', NOW)).toEqual({ ok: true, status: 'resolved', reopened: false, resolvedAt: NOW });
    expect(planStatusChange('open', 'closed', NOW)).toEqual({ ok: true, status: 'closed', reopened: false, resolvedAt: NOW, closedAt: NOW });
    expect(planStatusChange('resolved', 'closed', NOW)).toEqual({ ok: true, status: 'closed', reopened: false, closedAt: NOW });
    expect(planStatusChange('resolved', 'open', NOW)).toEqual({ ok: true, status: 'open', reopened: true, resolvedAt: null, closedAt: null });
    expect(planStatusChange('closed', 'open', NOW)).toEqual({ ok: true, status: 'open', reopened: true, resolvedAt: null, closedAt: null });
    expect(planStatusChange('new', 'waiting_customer', NOW)).toEqual({ ok: true, status: 'waiting_customer', reopened: false });
  });

  it('reports the same status separately from a forbidden move', () => {
    expect(planStatusChange('closed', 'closed', NOW)).toEqual({ ok: false, reason: 'same_status', allowed: ['open'] });
    expect(planStatusChange('closed', 'resolved', NOW)).toEqual({ ok: false, reason: 'not_allowed', allowed: ['open'] });
  });

  it('refuses an invalid clock for an allowed move', () => {
    expect(() => planStatusChange('open', 'resolved', new Date('nonsense'))).toThrow(RangeError);
  });
});
