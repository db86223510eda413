import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, setLocale } from '../../../shared/i18n';
import { CHANNEL_ICON_PATHS, channelIconPaths, UNKNOWN_CHANNEL_ICON_PATHS } from '../channel-icons';
import { CHANNEL_TYPES, MANAGED_CHANNEL_TYPES } from '../channel-type';
import ChannelBadge from '../components/channel-badge.vue';
import ChannelIcon from '../components/channel-icon.vue';
import { channelTitle } from '../composables/use-channel-labels';

const mountIcon = (props: { type: string; label?: string | null }) => mount(ChannelIcon, { props, global: { plugins: [i18n] } });
const mountBadge = (channel: { id: string | null; type: string; name: string | null }) =>
  mount(ChannelBadge, { props: { channel }, global: { plugins: [i18n] } });

describe('channel icons', () => {
  afterEach(() => setLocale('pl'));

  it('draws every channel type differently, and an unknown type as the neutral drawing', () => {
    const drawings = CHANNEL_TYPES.map((type) => channelIconPaths(type).join(' '));
    expect(drawings.every((drawing) => drawing.length > 0)).toBe(true);
    expect(new Set(drawings).size).toBe(CHANNEL_TYPES.length);
    expect(drawings).not.toContain(UNKNOWN_CHANNEL_ICON_PATHS.join(' '));
    expect(channelIconPaths('email')).toBe(CHANNEL_ICON_PATHS.email);
    expect(channelIconPaths('facebook')).toBe(UNKNOWN_CHANNEL_ICON_PATHS);
    expect(MANAGED_CHANNEL_TYPES).toEqual(['web_form', 'chat', 'phone', 'api', 'allegro']);
  });

  it('is an image named by its label, or hidden from screen readers when the text beside it says it all', () => {
    const named = mountIcon({ type: 'phone', label: 'Telefon' });
    expect(named.attributes('role')).toBe('img');
    expect(named.attributes('aria-label')).toBe('Telefon');
    expect(named.find('title').text()).toBe('Telefon');
    expect(named.findAll('path').map((path) => path.attributes('d'))).toEqual(CHANNEL_ICON_PATHS.phone);

    const decoration = mountIcon({ type: 'chat' });
    expect(decoration.attributes('aria-hidden')).toBe('true');
    expect(decoration.attributes('role')).toBeUndefined();
    expect(decoration.find('title').exists()).toBe(false);
  });

  it('shows a channel as its type icon and its name, with type and name in the tooltip', () => {
    setLocale('pl');
    const badge = mountBadge({ id: 'c1', type: 'email', name: 'reklamacje@sklep.pl' });
    expect(badge.text()).toBe('E-mail reklamacje@sklep.pl');
    expect(badge.find('.channel-badge__name').text()).toBe('reklamacje@sklep.pl');
    expect(badge.find('svg').attributes('aria-label')).toBe('E-mail');
    expect(badge.attributes('title')).toBe('E-mail: reklamacje@sklep.pl');

    setLocale('en');
    const unnamed = mountBadge({ id: null, type: 'web_form', name: null });
    expect(unnamed.find('.channel-badge__name').text()).toBe('Web form');
    expect(unnamed.find('svg').attributes('aria-hidden')).toBe('true');
    expect(unnamed.attributes('title')).toBe('Web form');
  });

  it('names a channel by kind and name, or by kind alone', () => {
    expect(channelTitle('Telefon', 'Infolinia')).toBe('Telefon: Infolinia');
    expect(channelTitle('Czat', null)).toBe('Czat');
    expect(channelTitle('Czat', '')).toBe('Czat');
  });
});
