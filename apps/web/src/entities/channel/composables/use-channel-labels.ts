import { useAppI18n } from '../../../shared/i18n/use-app-i18n';
import { isChannelType } from '../channel-type';

/** What a channel is called, in the current language. */
export interface ChannelNaming {
  type: string;
  name: string | null;
}

/** "E-mail: reklamacje@sklep.pl", or only the kind when the channel has no name. */
export function channelTitle(typeLabel: string, name: string | null): string {
  return name ? `${typeLabel}: ${name}` : typeLabel;
}

/** Names of channel types, and of channels with their type, in the current language. */
export function useChannelLabels() {
  const { t } = useAppI18n();
  // A type this panel does not know yet (a newer API) is shown as the API spells it.
  const typeLabel = (type: string): string => (isChannelType(type) ? t(`channels.type.${type}`) : type);
  return {
    typeLabel,
    /** The visible name: the channel's own, else its kind. */
    displayName: (channel: ChannelNaming): string => channel.name || typeLabel(channel.type),
    /** Kind and name together, for a tooltip or an accessible name. */
    title: (channel: ChannelNaming): string => channelTitle(typeLabel(channel.type), channel.name),
  };
}
