import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What follows a customer created on its own (`POST /customers`), in the transaction that creates it. */
export interface CustomerObserver {
  customerCreated(manager: EntityManager, customerId: string): Promise<void>;
}

/**
 * Where modules that depend on customers (webhooks: `customer.created`) hear
 * of a customer created through the customers API, without the customers
 * module depending on them. A customer created with a new ticket is told of
 * with the ticket's audit events instead (`TicketEventObservers`).
 */
@Injectable()
export class CustomerObservers {
  private readonly observers: CustomerObserver[] = [];

  register(observer: CustomerObserver): void {
    if (!this.observers.includes(observer)) this.observers.push(observer);
  }

  async created(manager: EntityManager, customerId: string): Promise<void> {
    for (const observer of this.observers) await observer.customerCreated(manager, customerId);
  }
}
