import { Module } from '@nestjs/common';
import { CustomerOrdersController } from './customer-orders.controller.js';
import { IntegrationsController } from './integrations.controller.js';
import { IntegrationsModule } from './integrations.module.js';
import { TicketOrdersController } from './ticket-orders.controller.js';

/** The HTTP API of integrations (`/integrations`) and orders (`/customers/:id/orders`, `/tickets/:id/orders`), with the `api` role. */
@Module({
  imports: [IntegrationsModule],
  controllers: [IntegrationsController, CustomerOrdersController, TicketOrdersController],
})
export class IntegrationsApiModule {}
