import { describe, expect, it } from '@jest/globals';
import { planReplyTargets, type UsedChannel } from '../channels/reply-targets.js';

const reklamacje: UsedChannel = { id: 'c-reklamacje', type: 'email', name: 'Reklamacje', recipient: 'jan@example.pl' };
const biuro: UsedChannel = { id: 'c-biuro', type: 'email', name: 'Biuro', recipient: 'jan@example.pl' };
const phone: UsedChannel = { id: 'c-phone', type: 'phone', name: 'Infolinia', recipient: '+48600100200' };
const chat: UsedChannel = { id: 'c-chat', type: 'chat', name: 'Czat', recipient: 'visitor-7' };
const hotline: UsedChannel = { id: 'c-hotline', type: 'phone', name: 'Infolinia 2', recipient: '+48600100200' };

const plan = (used: UsedChannel[], emailRecipient = 'jan@example.pl') =>
  planReplyTargets({ used, emailRecipient, fallbackFrom: 'biuro@sklep.pl' });

describe('planReplyTargets', () => {
  it("a channel with a reply window says when it closes (the customer's last message on it plus the window)", () => {
    const whatsapp: UsedChannel = { id: 'c-wa', type: 'api', name: 'WhatsApp', recipient: '+48600100200', replyWindowEndsAt: new Date('2026-12-08T10:00:00Z') };
    expect(plan([whatsapp, biuro])).toEqual([
      { channelId: 'c-wa', type: 'api', name: 'WhatsApp', recipient: '+48600100200', isDefault: true, canSend: true, replyWindowEndsAt: '2026-12-08T10:00:00.000Z' },
      { channelId: 'c-biuro', type: 'email', name: 'Biuro', recipient: 'jan@example.pl', isDefault: false, canSend: true, replyWindowEndsAt: null },
    ]);
  });

  it('the channel the customer wrote on last is the default; e-mail replies go to the e-mail recipients', () => {
    expect(plan([reklamacje, biuro], 'Jan <j@x.pl>')).toEqual([
      { channelId: 'c-reklamacje', type: 'email', name: 'Reklamacje', recipient: 'Jan <j@x.pl>', isDefault: true, canSend: true, replyWindowEndsAt: null },
      { channelId: 'c-biuro', type: 'email', name: 'Biuro', recipient: 'Jan <j@x.pl>', isDefault: false, canSend: true, replyWindowEndsAt: null },
    ]);
  });

  it('a latest channel replies cannot be sent on yet stays the default, marked; older ones of such types are left out', () => {
    expect(plan([phone, hotline, chat, biuro])).toEqual([
      { channelId: 'c-phone', type: 'phone', name: 'Infolinia', recipient: '+48600100200', isDefault: true, canSend: false, replyWindowEndsAt: null },
      // Replies on a chat go to the visitor's chat (the chat transport).
      { channelId: 'c-chat', type: 'chat', name: 'Czat', recipient: 'visitor-7', isDefault: false, canSend: true, replyWindowEndsAt: null },
      { channelId: 'c-biuro', type: 'email', name: 'Biuro', recipient: 'jan@example.pl', isDefault: false, canSend: true, replyWindowEndsAt: null },
    ]);
  });

  it('without an e-mail channel, e-mail from the fallback sender is a target when the customer has an address', () => {
    expect(plan([phone])).toEqual([
      { channelId: 'c-phone', type: 'phone', name: 'Infolinia', recipient: '+48600100200', isDefault: true, canSend: false, replyWindowEndsAt: null },
      { channelId: null, type: 'email', name: 'biuro@sklep.pl', recipient: 'jan@example.pl', isDefault: false, canSend: true, replyWindowEndsAt: null },
    ]);
    expect(plan([])).toEqual([
      { channelId: null, type: 'email', name: 'biuro@sklep.pl', recipient: 'jan@example.pl', isDefault: true, canSend: true, replyWindowEndsAt: null },
    ]);
  });

  it('a customer without an e-mail address and without channels has nowhere to be answered', () => {
    expect(plan([], '')).toEqual([]);
    expect(plan([phone], '')).toEqual([
      { channelId: 'c-phone', type: 'phone', name: 'Infolinia', recipient: '+48600100200', isDefault: true, canSend: false, replyWindowEndsAt: null },
    ]);
  });
});
