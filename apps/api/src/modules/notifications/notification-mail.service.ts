import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { MessagesRepository } from '../tickets/messages.repository.js';
import { OutboundMessagesService } from '../tickets/outbound-messages.service.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { notificationMail } from './notification-mail.js';
import { DEFAULT_EMAIL_SETTINGS } from './notification-settings.js';
import { NotificationsRepository } from './notifications.repository.js';

const BATCH = 200;

/**
 * Notifications the agent wants by mail (their `notificationSettings`, else
 * the defaults) go out through the outbox as messages of purpose
 * `notification` to the agent's address, once each: the sweep claims them
 * (`mailed_at`) in the transaction that queues the mail.
 */
@Injectable()
export class NotificationMailService {
  private readonly logger = new Logger('NotificationMail');

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly tickets: TicketsRepository,
    private readonly messages: MessagesRepository,
    private readonly outbound: OutboundMessagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendPending(): Promise<number> {
    const queued = await this.tickets.transaction(async (manager) => {
      const pending = await this.repository.claimForMail(manager, DEFAULT_EMAIL_SETTINGS, BATCH);
      const ids: string[] = [];
      for (const n of pending) {
        const mail = notificationMail({
          kind: n.kind, locale: n.locale, ticketNumber: n.ticketNumber, ticketSubject: n.ticketSubject, actorName: n.actor.name,
          excerpt: typeof n.payload.excerpt === 'string' ? n.payload.excerpt : null,
          link: `${this.config.publicUrl.replace(/\/+$/, '')}/tickets/${n.ticketNumber}`,
        });
        const message = await this.messages.insertMessage(manager, {
          ticketId: n.ticketId,
          direction: 'outbound',
          purpose: 'notification',
          toAddresses: [n.email],
          subject: mail.subject,
          bodyText: mail.body,
          messageId: this.outbound.newMessageId(),
          deliveryState: 'queued',
          automated: true,
        });
        ids.push(message.id);
      }
      return ids;
    });
    for (const id of queued) await this.outbound.enqueue(id);
    if (queued.length) this.logger.log(`queued ${queued.length} notification mails`);
    return queued.length;
  }
}
