import { describe, expect, it } from '@jest/globals';
import { ticketInReach, type TicketReach } from '../ticket-reach.js';

const SALES = 'a0000000-0000-4000-8000-000000000001';
const COMPLAINTS = 'a0000000-0000-4000-8000-000000000002';
const ANNA = 'b0000000-0000-4000-8000-000000000001';
const PIOTR = 'b0000000-0000-4000-8000-000000000002';

describe('ticketInReach', () => {
  const agent = (unqueued: boolean): TicketReach => ({ all: false, queueIds: new Set([SALES]), assigneeId: ANNA, unqueued });
  const token: TicketReach = { all: false, queueIds: new Set([SALES]), assigneeId: null, unqueued: false };

  it.each([
    ['a ticket of her queue', { queueId: SALES, assigneeId: null }, true],
    ['a ticket of her queue assigned to someone else', { queueId: SALES, assigneeId: PIOTR }, true],
    ['a ticket of another queue', { queueId: COMPLAINTS, assigneeId: null }, false],
    ['a ticket of another queue assigned to her', { queueId: COMPLAINTS, assigneeId: ANNA }, true],
    ['a ticket of another queue assigned to someone else', { queueId: COMPLAINTS, assigneeId: PIOTR }, false],
    ['a ticket in no queue', { queueId: null, assigneeId: null }, true],
  ])('an agent reaches %s: %s', (_, ticket, reached) => {
    expect(ticketInReach(agent(true), ticket)).toBe(reached);
  });

  it('keeps tickets in no queue from agents when the setting is off, unless assigned to them', () => {
    expect(ticketInReach(agent(false), { queueId: null, assigneeId: null })).toBe(false);
    expect(ticketInReach(agent(false), { queueId: null, assigneeId: ANNA })).toBe(true);
  });

  it('an agent token reaches only the tickets of its queues', () => {
    expect(ticketInReach(token, { queueId: SALES, assigneeId: null })).toBe(true);
    expect(ticketInReach(token, { queueId: COMPLAINTS, assigneeId: null })).toBe(false);
    expect(ticketInReach(token, { queueId: null, assigneeId: null })).toBe(false);
    expect(ticketInReach({ ...token, queueIds: new Set() }, { queueId: SALES, assigneeId: null })).toBe(false);
  });

  it('admins reach every ticket', () => {
    expect(ticketInReach({ all: true }, { queueId: COMPLAINTS, assigneeId: PIOTR })).toBe(true);
    expect(ticketInReach({ all: true }, { queueId: null, assigneeId: null })).toBe(true);
  });
});
