import { CHANNEL_TYPES, type ChannelType } from '@okienko/domain';

export { CHANNEL_TYPES, isChannelType, type ChannelType } from '@okienko/domain';

/** Channel types created on the channels screen; e-mail channels come from the inbound addresses. */
export const MANAGED_CHANNEL_TYPES = CHANNEL_TYPES.filter((type): type is Exclude<ChannelType, 'email'> => type !== 'email');
