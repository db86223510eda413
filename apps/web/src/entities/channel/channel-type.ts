/** The kinds of channel a customer can write on (the API's `ChannelType`), in the order the panel lists them. */
export const CHANNEL_TYPES = ['email', 'web_form', 'chat', 'phone', 'api', 'allegro'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Channel types created on the channels screen; e-mail channels come from the inbound addresses. */
export const MANAGED_CHANNEL_TYPES = CHANNEL_TYPES.filter((type): type is Exclude<ChannelType, 'email'> => type !== 'email');

export function isChannelType(value: unknown): value is ChannelType {
  return typeof value === 'string' && (CHANNEL_TYPES as readonly string[]).includes(value);
}
