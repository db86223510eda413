import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { ChannelType } from './channel-type';
import type { ReplyTarget } from './model';

// The channel routes, typed by hand until the generated client has them.
interface ClientResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}
type Call = (path: string, init?: { params?: { path?: Record<string, string>; query?: Record<string, unknown> }; body?: unknown; signal?: AbortSignal }) => Promise<ClientResult>;
const untyped = api as unknown as { GET: Call; POST: Call; PATCH: Call; DELETE: Call };

/** A channel as the administration lists it. */
export interface Channel {
  id: string;
  type: ChannelType;
  name: string;
  queueId: string | null;
  categoryId: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  settings: Record<string, unknown>;
  /** How public endpoints of the channel (forms, chat widgets) name it. */
  key: string;
  active: boolean;
  /** For e-mail channels: the inbound address they stand for. */
  inboundAddressId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewChannel {
  type: Exclude<ChannelType, 'email'>;
  name: string;
  queueId?: string;
  categoryId?: string;
  priority?: NonNullable<Channel['priority']>;
  settings?: Record<string, unknown>;
  active?: boolean;
}

/** Any field but the type; `settings` replaces the whole object. */
export interface ChannelChange {
  name?: string;
  queueId?: string | null;
  categoryId?: string | null;
  priority?: Channel['priority'];
  settings?: Record<string, unknown>;
  active?: boolean;
}

/** Every channel, e-mail ones (the inbound addresses) included. */
export async function listChannels(signal?: AbortSignal): Promise<Channel[]> {
  const answer = (await unwrap(untyped.GET('/api/v1/channels', { params: { query: { limit: 200 } }, signal }))) as Channel[] | { items: Channel[] };
  return Array.isArray(answer) ? answer : answer.items;
}

export async function createChannel(channel: NewChannel): Promise<Channel> {
  return (await unwrap(untyped.POST('/api/v1/channels', { body: channel }))) as Channel;
}

export async function updateChannel(id: string, change: ChannelChange): Promise<Channel> {
  return (await unwrap(untyped.PATCH('/api/v1/channels/{id}', { params: { path: { id } }, body: change }))) as Channel;
}

/** Removes a channel; the messages that came on it keep their text and type. */
export async function deleteChannel(id: string): Promise<void> {
  await unwrapEmpty(untyped.DELETE('/api/v1/channels/{id}', { params: { path: { id } } }));
}

/** Where a reply to the ticket may go, the default marked. */
export async function fetchReplyTargets(ticketId: string, signal?: AbortSignal): Promise<ReplyTarget[]> {
  const answer = (await unwrap(untyped.GET('/api/v1/tickets/{id}/reply-targets', { params: { path: { id: ticketId } }, signal }))) as
    | ReplyTarget[]
    | { items: ReplyTarget[] };
  return Array.isArray(answer) ? answer : answer.items;
}
