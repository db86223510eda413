import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { TemplatesModule } from '../templates/templates.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { CircuitBreaker } from './guards/circuit-breaker.js';
import { OrdersCache } from './guards/orders-cache.js';
import { TokenBucket } from './guards/token-bucket.js';
import { IntegrationSecrets } from './integration-secrets.service.js';
import { IntegrationsRepository } from './integrations.repository.js';
import { IntegrationsService } from './integrations.service.js';
import { OrderLookupService } from './order-lookup.service.js';
import { OrderSources } from './order-sources.js';
import { OrderTemplateValues } from './order-template-values.source.js';
import { RuleOrderStatus } from './rule-order-status.js';

/**
 * Shop integrations (WooCommerce, BaseLinker, Shoper) and the customer's
 * orders read from them. Loaded in every role: templates rendered by rules
 * (worker, SMTP intake) fill `{{order.*}}` too. Its HTTP API comes with
 * IntegrationsApiModule.
 */
@Module({
  imports: [TicketsModule, CustomersModule, QueuesModule, SettingsModule, TemplatesModule],
  providers: [
    IntegrationsRepository, IntegrationSecrets, IntegrationsService, OrderSources, OrderLookupService, OrderTemplateValues, TokenBucket, CircuitBreaker,
    OrdersCache, RuleOrderStatus,
  ],
  exports: [IntegrationsService, OrderLookupService, RuleOrderStatus],
})
export class IntegrationsModule {}
