import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { NotificationsRepository } from './notifications.repository.js';

/** An integrator's endpoint switched off for failing, as the notification tells it. */
export interface DisabledWebhook {
  webhookId: string;
  url: string;
  description: string | null;
  reason: string;
  failingSince: Date;
}

/**
 * Notifications of administrators that concern no ticket, written for every
 * active admin: `webhook_disabled` (payload `{webhookId, url, description,
 * reason, failingSince}`), shown in the panel's list and linking to the
 * webhooks screen.
 */
@Injectable()
export class AdminNotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async webhookDisabled(webhook: DisabledWebhook, manager?: EntityManager): Promise<number> {
    const m = manager ?? this.dataSource.manager;
    const admins = await this.repository.activeAdminIds(m);
    await this.repository.insert(
      m,
      admins.map((userId) => ({
        userId,
        kind: 'webhook_disabled' as const,
        ticketId: null,
        eventId: null,
        actor: { type: 'system', id: null, name: null },
        payload: {
          webhookId: webhook.webhookId, url: webhook.url, description: webhook.description, reason: webhook.reason,
          failingSince: webhook.failingSince.toISOString(),
        },
      })),
    );
    return admins.length;
  }
}
