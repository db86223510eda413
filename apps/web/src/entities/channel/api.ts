import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

type Schemas = components['schemas'];

/** A channel as the administration lists it; e-mail channels mirror an inbound address. */
export type Channel = Schemas['ChannelDto'];
export type NewChannel = Schemas['CreateChannelDto'];
/** Any field but the type; `settings` replaces the whole object. */
export type ChannelChange = Schemas['UpdateChannelDto'];

/** Every channel, e-mail ones (the inbound addresses) included, oldest first. */
export async function listChannels(signal?: AbortSignal): Promise<Channel[]> {
  return (await unwrap(api.GET('/api/v1/channels', { params: { query: { limit: 200 } }, signal }))).items;
}

export function createChannel(channel: NewChannel): Promise<Channel> {
  return unwrap(api.POST('/api/v1/channels', { body: channel }));
}

export function updateChannel(id: string, change: ChannelChange): Promise<Channel> {
  return unwrap(api.PATCH('/api/v1/channels/{id}', { params: { path: { id } }, body: change }));
}

/** Removes a channel; the messages that came on it keep their type. */
export async function deleteChannel(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/channels/{id}', { params: { path: { id } } }));
}

/** Where a reply to the ticket may go, the default marked. */
export function fetchReplyTargets(ticketId: string, signal?: AbortSignal): Promise<Schemas['ReplyTargetDto'][]> {
  return unwrap(api.GET('/api/v1/tickets/{id}/reply-targets', { params: { path: { id: ticketId } }, signal }));
}
