import { describe, it, expect } from '@jest/globals';
import { TICKET_STATUSES, type TicketStatus } from '../ticket-status.js';
import { statusAfterAgentReply, statusAfterCustomerReply, type CustomerReplyInput } from '../customer-reply.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-06-30T12:00:00.000Z');
const daysBefore = (days: number, extraMs = 0) => new Date(NOW.getTime() - days * DAY - extraMs);

function reply(overrides: Partial<CustomerReplyInput>) {
  return statusAfterCustomerReply({ status: 'open', closedAt: null, now: NOW, reopenWindowDays: 14, automated: false, ...overrides });
}

describe('statusAfterCustomerReply', () => {
  it.each(['new', 'open', 'waiting_third_party'] as const)('keeps a %s ticket as it is', (status) => {
    expect(reply({ status })).toEqual({ kind: 'keep' });
  });

  it('puts a ticket waiting for the customer back to open, without calling it a reopen', () => {
    expect(reply({ status: 'waiting_customer' })).toEqual({ kind: 'change', to: 'open', reopened: false });
  });

  it('reopens a resolved ticket', () => {
    expect(reply({ status: 'resolved' })).toEqual({ kind: 'change', to: 'open', reopened: true });
    // however long ago it was resolved
    expect(reply({ status: 'resolved', closedAt: daysBefore(400) })).toEqual({ kind: 'change', to: 'open', reopened: true });
  });

  describe('closed tickets and the reopen window', () => {
    const reopened = { kind: 'change', to: 'open', reopened: true };
    const fresh = { kind: 'new_ticket', reason: 'reopen_window_passed' };

    it('reopens a ticket closed a moment ago', () => {
      expect(reply({ status: 'closed', closedAt: new Date(NOW.getTime() - 1000) })).toEqual(reopened);
      expect(reply({ status: 'closed', closedAt: NOW })).toEqual(reopened);
    });

    it('reopens inside the window', () => {
      expect(reply({ status: 'closed', closedAt: daysBefore(13) })).toEqual(reopened);
    });

    it('still reopens exactly at the edge of the window', () => {
      expect(reply({ status: 'closed', closedAt: daysBefore(14) })).toEqual(reopened);
    });

    it('opens a new ticket one millisecond past the edge', () => {
      expect(reply({ status: 'closed', closedAt: daysBefore(14, 1) })).toEqual(fresh);
    });

    it('opens a new ticket long after the window', () => {
      expect(reply({ status: 'closed', closedAt: daysBefore(365) })).toEqual(fresh);
    });

    it('treats a closed ticket without a closing time as beyond the window', () => {
      expect(reply({ status: 'closed', closedAt: null })).toEqual(fresh);
      expect(reply({ status: 'closed', closedAt: new Date('not a date') })).toEqual(fresh);
    });

    it('reopens when the closing time is slightly in the future (clock skew between replicas)', () => {
      expect(reply({ status: 'closed', closedAt: new Date(NOW.getTime() + 5000) })).toEqual(reopened);
    });

    it('with a zero-day window, only a reply in the very same instant reopens', () => {
      expect(reply({ status: 'closed', closedAt: NOW, reopenWindowDays: 0 })).toEqual(reopened);
      expect(reply({ status: 'closed', closedAt: new Date(NOW.getTime() - 1), reopenWindowDays: 0 })).toEqual(fresh);
    });

    it('accepts fractional windows (hours)', () => {
      expect(reply({ status: 'closed', closedAt: new Date(NOW.getTime() - 12 * 3600_000), reopenWindowDays: 0.5 })).toEqual(reopened);
      expect(reply({ status: 'closed', closedAt: new Date(NOW.getTime() - 12 * 3600_000 - 1), reopenWindowDays: 0.5 })).toEqual(fresh);
    });

    it('an infinite window always reopens', () => {
      expect(reply({ status: 'closed', closedAt: new Date('1990-01-01T00:00:00Z'), reopenWindowDays: Infinity })).toEqual(reopened);
    });

    it('measures the window in elapsed time, across a DST change', () => {
      // Europe switches to summer time on 2026-03-29: 7 days of 24 h is still 7 days.
      const closedAt = new Date('2026-03-25T10:00:00.000Z');
      expect(reply({ status: 'closed', closedAt, now: new Date('2026-04-01T10:00:00.000Z'), reopenWindowDays: 7 })).toEqual(reopened);
      expect(reply({ status: 'closed', closedAt, now: new Date('2026-04-01T10:00:00.001Z'), reopenWindowDays: 7 })).toEqual(fresh);
    });
  });

  describe('automated mail (auto-replies, bounces, mailing lists)', () => {
    it.each(TICKET_STATUSES)('never changes a %s ticket', (status: TicketStatus) => {
      expect(reply({ status, automated: true })).toEqual({ kind: 'keep' });
    });

    it('does not start a new ticket even far beyond the window', () => {
      expect(reply({ status: 'closed', closedAt: daysBefore(365), automated: true })).toEqual({ kind: 'keep' });
      expect(reply({ status: 'closed', closedAt: null, automated: true })).toEqual({ kind: 'keep' });
    });
  });

  it('rejects a negative or missing window and an invalid clock', () => {
    expect(() => reply({ reopenWindowDays: -1 })).toThrow(RangeError);
    expect(() => reply({ reopenWindowDays: Number.NaN })).toThrow(RangeError);
    expect(() => reply({ reopenWindowDays: undefined as unknown as number })).toThrow(RangeError);
    expect(() => reply({ now: new Date('nope') })).toThrow(RangeError);
  });
});

describe('statusAfterAgentReply', () => {
  it('opens a new ticket', () => {
    expect(statusAfterAgentReply('new')).toBe('open');
  });

  it.each(['open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed'] as const)('leaves a %s ticket as it is', (status) => {
    expect(statusAfterAgentReply(status)).toBe(status);
  });
});
