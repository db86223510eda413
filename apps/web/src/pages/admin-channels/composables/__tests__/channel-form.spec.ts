import { describe, expect, it } from 'vitest';
import type { Channel } from '../../../../entities/channel/api';
import { channelChangeBody, channelFields, newChannelBody, parseSettings } from '../channel-form';

const HOTLINE: Channel = {
  id: 'ch-1', type: 'phone', name: 'Infolinia', queueId: 'q1', categoryId: null, priority: 'high', settings: { number: '+48221234567' },
  key: 'k3y', active: false, inboundAddressId: null, createdAt: '2026-12-07T09:00:00Z', updatedAt: '2026-12-07T09:00:00Z',
};

describe('the channel form', () => {
  it('starts a new channel as an active phone line without settings, and fills in an existing one', () => {
    expect(channelFields(null)).toEqual({ type: 'phone', name: '', queueId: '', categoryId: '', priority: '', active: true, settings: '' });
    expect(channelFields(HOTLINE)).toEqual({
      type: 'phone', name: 'Infolinia', queueId: 'q1', categoryId: '', priority: 'high', active: false,
      settings: '{\n  "number": "+48221234567"\n}',
    });
  });

  it('takes settings only as a JSON object, an empty box as none', () => {
    expect(parseSettings('  ')).toEqual({ ok: true, value: {} });
    expect(parseSettings('{"widget": {"colour": "#1f5f8b"}}')).toEqual({ ok: true, value: { widget: { colour: '#1f5f8b' } } });
    for (const text of ['[1, 2]', '"tekst"', '42', 'null']) expect(parseSettings(text)).toEqual({ ok: false, problem: { kind: 'settingsNotObject' } });
    expect(parseSettings('{number: 1}')).toEqual({ ok: false, problem: { kind: 'settingsInvalid', message: expect.any(String) } });
  });

  it('creates with what is filled in and refuses a channel without a name', () => {
    const fields = { ...channelFields(null), name: '  Infolinia  ', queueId: 'q1' };
    expect(newChannelBody(fields)).toEqual({ ok: true, value: { type: 'phone', name: 'Infolinia', active: true, settings: {}, queueId: 'q1' } });
    expect(newChannelBody({ ...fields, name: ' ' })).toEqual({ ok: false, problem: { kind: 'nameRequired' } });
    expect(newChannelBody({ ...fields, settings: '[]' })).toEqual({ ok: false, problem: { kind: 'settingsNotObject' } });
  });

  it('saves every field but the type, an emptied one as none', () => {
    const fields = { ...channelFields(HOTLINE), queueId: '', priority: '' as const, settings: '', type: 'chat' as const };
    expect(channelChangeBody(fields)).toEqual({
      ok: true,
      value: { name: 'Infolinia', queueId: null, categoryId: null, priority: null, active: false, settings: {} },
    });
  });
});
