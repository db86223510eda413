import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CustomerObservers, type CustomerObserver } from '../customers/customer-observers.js';
import { WebhookEvents } from './webhook-events.service.js';
import { WebhookPayloadsRepository } from './webhook-payloads.repository.js';

/**
 * `customer.created` for a customer created through `POST /customers`, in
 * its transaction (a customer new with a ticket is told of by the ticket's
 * observer, `ticket-webhook-observer.ts`, so each new customer raises it once).
 */
@Injectable()
export class CustomerWebhookObserver implements CustomerObserver, OnModuleInit {
  constructor(
    private readonly observers: CustomerObservers,
    private readonly events: WebhookEvents,
    private readonly payloads: WebhookPayloadsRepository,
  ) {}

  onModuleInit(): void {
    this.observers.register(this);
  }

  async customerCreated(manager: EntityManager, customerId: string): Promise<void> {
    if (!(await this.events.anyListening(manager))) return;
    const customer = await this.payloads.customer(manager, customerId);
    if (customer) await this.events.emit('customer.created', { customer }, manager);
  }
}
