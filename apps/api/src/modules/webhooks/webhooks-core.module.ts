import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module.js';
import { NotificationsCoreModule } from '../notifications/notifications-core.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { CustomerWebhookObserver } from './customer-webhook-observer.js';
import { OutboundHttpService } from './outbound-http.service.js';
import { SecretsService } from './secrets.service.js';
import { TicketWebhookObserver } from './ticket-webhook-observer.js';
import { WebhookEvents } from './webhook-events.service.js';
import { WebhookPayloadsRepository } from './webhook-payloads.repository.js';
import { WebhookSenderService } from './webhook-sender.service.js';
import { WebhooksRepository } from './webhooks.repository.js';

/**
 * What every role needs: events are stored with the ticket changes that
 * cause them (whichever process makes the change), `WebhookEvents` for other
 * modules to publish theirs, the guarded outbound HTTP client, the secrets and
 * the sender (also used by the API's test and redelivery).
 */
@Module({
  imports: [TicketsModule, SettingsModule, NotificationsCoreModule, CustomersModule],
  providers: [WebhooksRepository, WebhookPayloadsRepository, WebhookEvents, TicketWebhookObserver, CustomerWebhookObserver, OutboundHttpService, SecretsService, WebhookSenderService],
  exports: [WebhookEvents, OutboundHttpService, SecretsService, WebhookSenderService],
})
export class WebhooksCoreModule {}
