import { Injectable } from '@nestjs/common';
import type { Actor } from '../../core/auth/actor.js';
import { TicketWatchersRepository } from '../tickets/ticket-watchers.repository.js';
import { TicketsService } from '../tickets/tickets.service.js';
import type { MarkReadDto } from './dtos/mark-read.dto.js';
import type { NotificationSettingsDto } from './dtos/notification-settings.dto.js';
import { effectiveSettings } from './notification-settings.js';
import type { TicketNotificationKind as NotificationKind } from './notification-kind.js';
import { NotificationsException, NotificationsErrorCode } from './notifications.exception.js';
import { NotificationsRepository, type NotificationRow } from './notifications.repository.js';

/** The caller's notifications, what they watch and what comes to them by mail. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly watchers: TicketWatchersRepository,
    private readonly tickets: TicketsService,
  ) {}

  list(actor: Actor, limit: number, offset: number): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
    return this.repository.list(userOf(actor), limit, offset);
  }

  async markRead(actor: Actor, dto: MarkReadDto): Promise<{ marked: number; unread: number }> {
    const userId = userOf(actor);
    if (dto.all !== true && dto.ids === undefined) {
      const message = 'give ids (the notifications to mark read) or all: true';
      throw new NotificationsException(NotificationsErrorCode.NothingToMark, message, {
        fields: [{ field: 'ids', errors: [message] }, { field: 'all', errors: [message] }],
      });
    }
    const marked = await this.repository.markRead(userId, dto.all === true ? 'all' : dto.ids!);
    return { marked, unread: await this.repository.unreadCount(userId) };
  }

  /** Watch a ticket the caller may see (else its 404). */
  async watch(ref: string, actor: Actor, watching: boolean): Promise<void> {
    const userId = userOf(actor);
    const { id } = await this.tickets.get(ref, actor);
    if (watching) await this.watchers.watch(id, userId);
    else await this.watchers.unwatch(id, userId);
  }

  async settings(actor: Actor): Promise<{ email: Record<NotificationKind, boolean> }> {
    return effectiveSettings(await this.repository.settings(userOf(actor)));
  }

  async saveSettings(actor: Actor, dto: NotificationSettingsDto): Promise<{ email: Record<NotificationKind, boolean> }> {
    const userId = userOf(actor);
    const current = effectiveSettings(await this.repository.settings(userId));
    const given = Object.fromEntries(Object.entries(dto.email ?? {}).filter(([, v]) => typeof v === 'boolean'));
    const next = { email: { ...current.email, ...given } };
    await this.repository.saveSettings(userId, next);
    return next;
  }
}

function userOf(actor: Actor): string {
  if (!actor.userId) throw new NotificationsException(NotificationsErrorCode.NeedsUser, 'Notifications belong to signed-in users, not API tokens');
  return actor.userId;
}
