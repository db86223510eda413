import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

type Schemas = components['schemas'];

export type ChatSession = Schemas['ChatSessionDto'];
export type ChatDetail = Schemas['ChatDetailDto'];
export type ChatEvent = Schemas['ChatEventDto'];
export type ChatState = ChatSession['state'];

export function listChats(state?: ChatState): Promise<Schemas['ChatSessionListDto']> {
  return unwrap(api.GET('/api/v1/chats', { params: { query: { state, limit: 100 } } }));
}

export function getChat(id: string): Promise<ChatDetail> {
  return unwrap(api.GET('/api/v1/chats/{id}', { params: { path: { id } } }));
}

export function acceptChat(id: string): Promise<ChatSession> {
  return unwrap(api.POST('/api/v1/chats/{id}/accept', { params: { path: { id } } }));
}

export function replyInChat(id: string, text: string): Promise<ChatEvent> {
  return unwrap(api.POST('/api/v1/chats/{id}/messages', { params: { path: { id } }, body: { text } }));
}

export function sendChatTyping(id: string, typing: boolean): Promise<void> {
  return unwrapEmpty(api.POST('/api/v1/chats/{id}/typing', { params: { path: { id } }, body: { typing } }));
}

/** Hands the chat to a colleague: it is theirs from now on. */
export function transferChat(id: string, userId: string): Promise<ChatSession> {
  return unwrap(api.POST('/api/v1/chats/{id}/transfer', { params: { path: { id } }, body: { userId } }));
}

/** Sends the visitor a file (its bytes as the body): a reply with the file on the chat's ticket. */
export function sendChatFile(id: string, file: File): Promise<ChatEvent> {
  return unwrap(
    api.POST('/api/v1/chats/{id}/files', {
      params: { path: { id }, query: { name: file.name } },
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
}

export function endChat(id: string): Promise<ChatSession> {
  return unwrap(api.POST('/api/v1/chats/{id}/end', { params: { path: { id } } }));
}

export function getChatAvailability(): Promise<{ available: boolean }> {
  return unwrap(api.GET('/api/v1/chats/availability'));
}

export function setChatAvailability(available: boolean): Promise<{ available: boolean }> {
  return unwrap(api.PUT('/api/v1/chats/availability', { body: { available } }));
}
