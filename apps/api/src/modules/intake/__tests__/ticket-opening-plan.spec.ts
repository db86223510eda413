import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from '../incoming-message.js';
import { oneStatementOpening, planTicketOpening, ticketSubject } from '../ticket-opening-plan.js';

const NOW = new Date('2026-12-07T10:00:00Z');
const QUEUE = 'a0000000-0000-4000-8000-000000000001';
const DEFAULT_QUEUE = 'a0000000-0000-4000-8000-000000000002';
const CHANNEL = 'c0000000-0000-4000-8000-000000000001';

const mail: IncomingMessage = {
  channel: { id: CHANNEL, type: 'email' },
  sender: { identities: [{ kind: 'email', value: 'ola@example.pl' }], name: 'Ola' },
  subject: '  Kask za mały  ',
  text: 'Czy mogę wymienić?\n> stara wiadomość',
  visibleText: 'Czy mogę wymienić?',
  html: null,
  attachments: [],
  automated: false,
  route: { queueId: QUEUE, categoryId: null, priority: 'high' },
  externalThreadId: null,
  externalMessageId: null,
  email: {
    inboundMailId: 'd0000000-0000-4000-8000-000000000001', messageId: 'abc@example.pl', threadIds: [], inReplyTo: null, references: [],
    ticketNumbers: [], from: 'ola@example.pl', replyTo: ['ola.prywatnie@example.pl'], to: ['Biuro@rowerownia.pl'], cc: [],
    reachedAddresses: ['Biuro@rowerownia.pl', 'biuro@rowerownia.pl'], kind: 'human', bounce: null, authentication: null,
  },
};

describe('planTicketOpening', () => {
  it('opens a mail\'s ticket on the route of the address it reached, and its message as received', () => {
    const plan = planTicketOpening(mail, { defaultQueueId: DEFAULT_QUEUE, now: NOW, previousTicketId: null });
    expect(plan.ticket).toEqual({
      subject: 'Kask za mały', status: 'new', priority: 'high', channel: 'email', queueId: QUEUE, categoryId: null, assigneeId: null, tags: [],
      inboundAddresses: ['biuro@rowerownia.pl'], previousTicketId: null, lastInboundAt: NOW, statusChangedAt: NOW, createdAt: NOW, updatedAt: NOW,
    });
    expect(plan.message).toMatchObject({
      direction: 'inbound', fromAddress: 'ola@example.pl', replyToAddresses: ['ola.prywatnie@example.pl'], subject: '  Kask za mały  ',
      visibleText: 'Czy mogę wymienić?', messageId: 'abc@example.pl', deliveryState: 'received', purpose: 'conversation',
      inboundMailId: mail.email!.inboundMailId, channelId: CHANNEL, channelType: 'email', externalThreadId: null, createdAt: NOW,
    });
    expect(plan.created).toEqual({
      subject: 'Kask za mały', status: 'new', priority: 'high', channel: 'email', queueId: QUEUE, categoryId: null, assigneeId: null, tags: [],
      inboundAddresses: ['biuro@rowerownia.pl'], previousTicketId: null,
    });
  });

  it('opens a chat message\'s ticket in the default queue with the channel\'s ids and no mail fields', () => {
    const chat: IncomingMessage = {
      ...mail, channel: { id: CHANNEL, type: 'allegro' }, route: null, externalThreadId: 'thread-7', externalMessageId: 'msg-9', email: null,
    };
    const plan = planTicketOpening(chat, { defaultQueueId: DEFAULT_QUEUE, now: NOW, previousTicketId: 'e0000000-0000-4000-8000-000000000001' });
    expect(plan.ticket).toMatchObject({ channel: 'marketplace', queueId: DEFAULT_QUEUE, priority: 'normal', inboundAddresses: [], previousTicketId: 'e0000000-0000-4000-8000-000000000001' });
    expect(plan.message).toMatchObject({
      fromAddress: null, toAddresses: [], messageId: null, inboundMailId: null, channelType: 'allegro', externalThreadId: 'thread-7', externalMessageId: 'msg-9',
    });
  });
});

describe('oneStatementOpening', () => {
  it('applies what the automations set, keeps the created event as opened and puts it first', () => {
    const plan = planTicketOpening(mail, { defaultQueueId: DEFAULT_QUEUE, now: NOW, previousTicketId: null });
    const due = new Date('2026-12-07T11:00:00Z');
    const row = oneStatementOpening(
      plan,
      {
        patch: { priority: 'urgent', tags: ['pilne'], firstResponseDueAt: due },
        events: [{ ticketId: '', type: 'field_changed', actorType: 'rule', actorId: 'r1', actorName: 'Pilne', field: 'priority', oldValue: 'high', newValue: 'urgent' }],
      },
      { email: 'ola@example.pl', name: 'Ola', language: 'pl' },
      2026,
    );
    expect(row).toMatchObject({ priority: 'urgent', tags: ['pilne'], queueId: QUEUE, deadlines: { firstResponseDueAt: due, slaPolicyId: null } });
    expect(row.events.map((e) => [e.ord, e.type, e.by_customer])).toEqual([[0, 'created', true], [1, 'field_changed', false]]);
    expect(row.events[0].new_value).toMatchObject({ priority: 'high', tags: [] });
  });
});

describe('ticketSubject', () => {
  it('is trimmed, at most 500 characters and never empty', () => {
    expect(ticketSubject('   ')).toBe('(bez tematu)');
    expect(ticketSubject('x'.repeat(600))).toHaveLength(500);
  });
});
