import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

type Schemas = components['schemas'];

export type AppNotification = Schemas['NotificationDto'];
export type NotificationKind = AppNotification['kind'];
export type NotificationList = Schemas['NotificationListDto'];
export type MarkReadResult = Schemas['MarkReadResultDto'];

/** My notifications, unread first, newest first. */
export function listNotifications(limit = 30): Promise<NotificationList> {
  return unwrap(api.GET('/api/v1/notifications', { params: { query: { limit } } }));
}

export function markNotificationsRead(ids: string[]): Promise<MarkReadResult> {
  return unwrap(api.POST('/api/v1/notifications/read', { body: { ids } }));
}

export function markAllNotificationsRead(): Promise<MarkReadResult> {
  return unwrap(api.POST('/api/v1/notifications/read', { body: { all: true } }));
}

/** Follow a ticket (get its notifications as its assignee does), or stop. */
export function setWatching(ticketId: string, watching: boolean): Promise<void> {
  const params = { params: { path: { id: ticketId } } };
  return unwrapEmpty(watching ? api.POST('/api/v1/tickets/{id}/watch', params) : api.DELETE('/api/v1/tickets/{id}/watch', params));
}

export type NotificationSettings = Schemas['NotificationSettingsDto'];

/** Which of my notifications also come by e-mail. */
export function getNotificationSettings(): Promise<NotificationSettings> {
  return unwrap(api.GET('/api/v1/me/notification-settings'));
}

export function saveNotificationSettings(settings: NotificationSettings): Promise<NotificationSettings> {
  return unwrap(api.PUT('/api/v1/me/notification-settings', { body: settings }));
}
