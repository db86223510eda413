import { Injectable } from '@nestjs/common';
import { IntegrationsRepository } from './integrations.repository.js';
import { OrderLookupService } from './order-lookup.service.js';

/** What the rules know of a ticket when they ask for its order's status. */
export interface RuleOrderTicket {
  id: string;
  queueId: string | null;
  subject: string;
  customerEmail: string | null;
  latestCustomerText: string | null;
}

/** How long a process trusts that shops are (or are not) connected. */
const SHOPS_TTL_MS = 5_000;

/**
 * The status of the order a ticket is about (pinned, else mentioned, else the
 * newest), for the rules' `order_status` condition. The rules reach it
 * lazily by this class (it lives with the shops), only when a rule asks.
 */
@Injectable()
export class RuleOrderStatus {
  private shops: { any: Promise<boolean>; until: number } | null = null;

  constructor(
    private readonly lookup: OrderLookupService,
    private readonly integrations: IntegrationsRepository,
  ) {}

  async statusOf(ticket: RuleOrderTicket): Promise<string | null> {
    if (!(await this.anyShop())) return null;
    const { pinned, mentioned, newest } = await this.lookup.forTemplate(ticket);
    return (pinned ?? mentioned ?? newest)?.status ?? null;
  }

  private anyShop(): Promise<boolean> {
    const now = Date.now();
    if (!this.shops || this.shops.until < now) {
      this.shops = { any: this.integrations.servingAny(null).then((list) => list.length > 0), until: now + SHOPS_TTL_MS };
      this.shops.any.catch(() => (this.shops = null));
    }
    return this.shops.any;
  }
}
