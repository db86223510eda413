import { describe, expect, it } from 'vitest';
import type { ReplyTarget } from '../../../../entities/channel/model';
import { chosenReplyTarget, defaultReplyTarget, replyChannelField, replyTargetKey, replyTargetLabel, replyWindowState } from '../reply-targets';

const TYPES: Record<string, string> = { email: 'E-mail', phone: 'Telefon' };
const typeLabel = (type: string) => TYPES[type] ?? type;

const first: ReplyTarget = { channelId: 'ch-1', type: 'email', name: 'biuro@sklep.pl', recipient: 'jan@example.com', isDefault: false, canSend: true, replyWindowEndsAt: null };
const second: ReplyTarget = { channelId: 'ch-2', type: 'email', name: 'reklamacje@sklep.pl', recipient: 'jan@example.com', isDefault: true, canSend: true, replyWindowEndsAt: null };
const plain: ReplyTarget = { channelId: null, type: 'email', name: '', recipient: 'jan.prywatny@example.com', isDefault: false, canSend: true, replyWindowEndsAt: null };

describe('where a reply goes', () => {
  it('says the kind of channel, which of ours and whom it reaches', () => {
    expect(replyTargetLabel(second, typeLabel)).toBe('E-mail · reklamacje@sklep.pl → jan@example.com');
    expect(replyTargetLabel(plain, typeLabel)).toBe('E-mail → jan.prywatny@example.com');
    expect(replyTargetLabel({ ...first, type: 'phone', name: 'Infolinia', recipient: '+48600100200' }, typeLabel)).toBe(
      'Telefon · Infolinia → +48600100200',
    );
  });

  it('goes to the target the API marks as default, else to the first, else nowhere', () => {
    expect(defaultReplyTarget([first, second, plain])).toBe(second);
    expect(defaultReplyTarget([{ ...first }, plain].map((target) => ({ ...target, isDefault: false, canSend: true })))?.channelId).toBe('ch-1');
    expect(defaultReplyTarget([])).toBeNull();
  });

  it("keeps the agent's choice while it is still a target, and falls back to the default when it is gone", () => {
    const targets = [first, second, plain];
    expect(chosenReplyTarget(targets, null)).toBe(second);
    expect(chosenReplyTarget(targets, replyTargetKey(first))).toBe(first);
    expect(chosenReplyTarget(targets, replyTargetKey(plain))).toBe(plain);
    expect(chosenReplyTarget([second, plain], replyTargetKey(first))).toBe(second);
    expect(chosenReplyTarget([], replyTargetKey(first))).toBeNull();
  });

  it('tells apart two targets of the same channel to different recipients', () => {
    const other = { ...plain, recipient: 'jan.firma@example.com' };
    expect(replyTargetKey(plain)).not.toBe(replyTargetKey(other));
    expect(chosenReplyTarget([plain, other], replyTargetKey(other))).toBe(other);
  });

  it('asks the API for the chosen channel, and for its default when the target has no channel of ours', () => {
    expect(replyChannelField(first)).toEqual({ channelId: 'ch-1' });
    expect(replyChannelField(plain)).toEqual({});
    expect(replyChannelField(null)).toEqual({});
  });

  it("tells whether the channel's reply window is open, closed or absent", () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(replyWindowState(first, now)).toEqual({ state: 'none', endsAt: null });
    expect(replyWindowState(null, now)).toEqual({ state: 'none', endsAt: null });
    expect(replyWindowState({ replyWindowEndsAt: '2026-12-07T12:00:01Z' }, now)).toEqual({ state: 'open', endsAt: '2026-12-07T12:00:01Z' });
    expect(replyWindowState({ replyWindowEndsAt: '2026-12-07T12:00:00Z' }, now)).toEqual({ state: 'closed', endsAt: '2026-12-07T12:00:00Z' });
  });
});
