import { describe, it, expect } from '@jest/globals';
import { TICKET_STATUSES, UNRESOLVED_STATUSES, isTicketStatus } from '../ticket-status.js';
import { TICKET_PRIORITIES, isTicketPriority, priorityRank, type TicketPriority } from '../ticket-priority.js';
import { TICKET_CHANNELS, isTicketChannel } from '../ticket-channel.js';
import { DELIVERY_STATES, MESSAGE_DIRECTIONS } from '../message.js';

describe('ticket statuses', () => {
  it('lists the six statuses in workflow order', () => {
    expect(TICKET_STATUSES).toEqual(['new', 'open', 'waiting_customer', 'waiting_third_party', 'resolved', 'closed']);
  });

  it('recognises every status and nothing else', () => {
    for (const status of TICKET_STATUSES) expect(isTicketStatus(status)).toBe(true);
    for (const other of ['', 'Open', 'OPEN', ' open', 'pending', 'deleted', 'toString', 'constructor', '__proto__', null, undefined, 0, {}, ['open']]) {
      expect(isTicketStatus(other)).toBe(false);
    }
  });

  it('counts everything before resolved as unresolved', () => {
    expect(UNRESOLVED_STATUSES).toEqual(['new', 'open', 'waiting_customer', 'waiting_third_party']);
    expect(UNRESOLVED_STATUSES).not.toContain('resolved');
    expect(UNRESOLVED_STATUSES).not.toContain('closed');
    expect(Object.isFrozen(UNRESOLVED_STATUSES)).toBe(true);
  });
});

describe('ticket priorities', () => {
  it('ranks low < normal < high < urgent', () => {
    expect(TICKET_PRIORITIES).toEqual(['low', 'normal', 'high', 'urgent']);
    expect(TICKET_PRIORITIES.map(priorityRank)).toEqual([0, 1, 2, 3]);
  });

  it('sorts priorities by rank', () => {
    const sorted = (['urgent', 'low', 'high', 'normal'] as TicketPriority[]).sort((a, b) => priorityRank(b) - priorityRank(a));
    expect(sorted).toEqual(['urgent', 'high', 'normal', 'low']);
  });

  it('refuses to rank an unknown priority', () => {
    expect(() => priorityRank('critical' as TicketPriority)).toThrow(RangeError);
  });

  it('recognises priorities', () => {
    for (const priority of TICKET_PRIORITIES) expect(isTicketPriority(priority)).toBe(true);
    for (const other of ['', 'Urgent', 'critical', 3, null]) expect(isTicketPriority(other)).toBe(false);
  });
});

describe('channels and messages', () => {
  it('lists the channels a ticket can come from', () => {
    expect(TICKET_CHANNELS).toEqual(['email', 'web_form', 'phone', 'chat', 'api', 'marketplace', 'social']);
    for (const channel of TICKET_CHANNELS) expect(isTicketChannel(channel)).toBe(true);
    for (const other of ['', 'Email', 'fax', undefined]) expect(isTicketChannel(other)).toBe(false);
  });

  it('lists message directions and delivery states', () => {
    expect(MESSAGE_DIRECTIONS).toEqual(['inbound', 'outbound', 'note']);
    expect(DELIVERY_STATES).toEqual(['received', 'queued', 'sending', 'sent', 'failed', 'bounced', 'none']);
  });
});
