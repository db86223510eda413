import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { ChannelType } from '@okienko/domain';
import type { OutboundDelivery, OutboundMessagesService } from '../../tickets/outbound-messages.service.js';
import { OutboundDispatcherService } from '../outbound/outbound-dispatcher.service.js';
import { PermanentDeliveryError, type OutboundTransport } from '../outbound/outbound-transport.js';
import { OutboundTransports } from '../outbound/outbound-transports.js';

/** The delivery states the dispatcher records, in order. */
type Recorded = [state: 'sent' | 'retrying' | 'failed', reason?: string];

function setUp(channelType: ChannelType, transport?: (delivery: OutboundDelivery) => Promise<{ response?: string }>, claimed = true) {
  const recorded: Recorded[] = [];
  const delivery = { message: { id: 'm1', channelType }, ticket: { number: '2026-000001' } } as unknown as OutboundDelivery;
  const messages = {
    claimForDelivery: async () => (claimed ? delivery : null),
    markSent: async () => void recorded.push(['sent']),
    markRetrying: async (_id: string, reason: string) => void recorded.push(['retrying', reason]),
    markFailed: async (_id: string, reason: string) => void recorded.push(['failed', reason]),
  } as unknown as OutboundMessagesService;
  const transports = new OutboundTransports();
  const sent: OutboundDelivery[] = [];
  if (transport) {
    const t: OutboundTransport = { type: 'email', send: async (d) => { sent.push(d); return transport(d); } };
    transports.register(t);
  }
  return { dispatcher: new OutboundDispatcherService(messages, transports), recorded, sent };
}

describe('OutboundDispatcherService', () => {
  // What it logs is beside the point here.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'warn', 'error', 'fatal']));

  it('sends through the transport of the message\'s channel type and records it sent', async () => {
    const { dispatcher, recorded, sent } = setUp('email', async () => ({ response: '250 OK' }));
    await expect(dispatcher.send('m1', false)).resolves.toBe('sent');
    expect(sent).toHaveLength(1);
    expect(recorded).toEqual([['sent']]);
  });

  it('a message whose channel type has no transport fails at once, with the reason', async () => {
    const { dispatcher, recorded } = setUp('phone', async () => ({}));
    await expect(dispatcher.send('m1', false)).resolves.toBe('failed');
    expect(recorded).toEqual([['failed', 'Replies on phone cannot be sent yet']]);
  });

  it('a permanent failure is recorded failed and not retried', async () => {
    const { dispatcher, recorded } = setUp('email', async () => { throw new PermanentDeliveryError('550 User unknown'); });
    await expect(dispatcher.send('m1', false)).resolves.toBe('failed');
    expect(recorded).toEqual([['failed', '550 User unknown']]);
  });

  it('a temporary failure goes back to queued with the reason and throws for a retry; on the last try it fails', async () => {
    const first = setUp('email', async () => { throw new Error('451 Try later'); });
    await expect(first.dispatcher.send('m1', false)).rejects.toThrow('451 Try later');
    expect(first.recorded).toEqual([['retrying', '451 Try later']]);

    const last = setUp('email', async () => { throw new Error('451 Try later'); });
    await expect(last.dispatcher.send('m1', true)).resolves.toBe('failed');
    expect(last.recorded).toEqual([['failed', '451 Try later']]);
  });

  it('a message sent already (or gone) is skipped', async () => {
    const { dispatcher, recorded, sent } = setUp('email', async () => ({}), false);
    await expect(dispatcher.send('m1', false)).resolves.toBe('skipped');
    expect(sent).toEqual([]);
    expect(recorded).toEqual([]);
  });
});
