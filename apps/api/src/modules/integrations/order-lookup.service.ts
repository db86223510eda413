import { Injectable, Logger } from '@nestjs/common';
import { isMentioned, mentionedOrders, newestFirst, type MentionedOrders, type Order } from '@okienko/domain';
import type { Actor } from '../../core/auth/actor.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import { CustomersService } from '../customers/customers.service.js';
import { MessagesRepository } from '../tickets/messages.repository.js';
import { TicketAccessPolicy } from '../tickets/ticket-access.policy.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';
import { TicketsService } from '../tickets/tickets.service.js';
import type { OrderDto, OrderLookupErrorDto, OrdersDto } from './dtos/order.dto.js';
import { CircuitBreaker } from './guards/circuit-breaker.js';
import { OrdersCache } from './guards/orders-cache.js';
import type { IntegrationRow } from './integration.js';
import { IntegrationsException, IntegrationsErrorCode } from './integrations.exception.js';
import { IntegrationsRepository } from './integrations.repository.js';
import { OrderSources } from './order-sources.js';
import type { OrderQuery } from './sources/order-source.js';
import { asShopError, ShopError } from './sources/shop-error.js';

/** What every shop serving the ticket answered, and which could not. */
export interface OrdersFound {
  orders: Order[];
  errors: OrderLookupErrorDto[];
}

/** A ticket as the orders need it. */
export interface OrdersTicket {
  id: string;
  queueId: string | null;
  customerId: string | null;
  /** Emails known even before the customer's rows can be read (a ticket being opened). */
  emails: string[];
  texts: string[];
}

/**
 * The customer's orders, live from every shop: every identity of the
 * customer (all e-mails and phones) and every order the ticket names are
 * looked up in each integration serving the ticket's queue, in parallel, each
 * within SHOP_TIMEOUT_MS; one shop failing (down, slow, refusing the
 * credentials, out of requests) is listed in `errors` and never hides the
 * others. Answers are cached briefly, requests take tokens from each shop's
 * shared bucket, and a shop failing again and again is left alone for a while.
 */
@Injectable()
export class OrderLookupService {
  private readonly logger = new Logger(OrderLookupService.name);

  constructor(
    private readonly integrations: IntegrationsRepository,
    private readonly sources: OrderSources,
    private readonly cache: OrdersCache,
    private readonly breaker: CircuitBreaker,
    private readonly tickets: TicketsService,
    private readonly ticketRows: TicketsRepository,
    private readonly messages: MessagesRepository,
    private readonly customers: CustomersService,
    private readonly customerRows: CustomersRepository,
    private readonly access: TicketAccessPolicy,
  ) {}

  /** GET /customers/:id/orders: the shops serving the queues the caller works in. */
  async forCustomer(customerId: string, actor: Actor): Promise<OrdersDto> {
    await this.customers.get(customerId);
    const query = await this.customerQuery(customerId, [], { numbers: [], externalIds: [] });
    const reach = await this.access.reach(actor);
    const integrations = await this.integrations.servingAny(reach.all ? null : [...reach.queueIds]);
    const found = await this.lookUp(integrations, query);
    return { items: found.orders.map((o) => ({ ...o, mentioned: false, pinned: false })), errors: found.errors };
  }

  /** GET /tickets/:id/orders. */
  async forTicket(ref: string, actor: Actor): Promise<OrdersDto> {
    return this.ofTicket(await this.ticketOf(ref, actor));
  }

  /** POST /tickets/:id/orders: reads the order from its shop and keeps it on the ticket as a snapshot. */
  async pin(ref: string, integrationId: string, externalId: string, actor: Actor): Promise<OrderDto> {
    const ticket = await this.ticketOf(ref, actor);
    const integration = (await this.integrations.serving(ticket.queueId)).find((i) => i.id === integrationId);
    if (!integration) {
      throw new IntegrationsException(IntegrationsErrorCode.NotFound, `integrationId: integration ${integrationId} does not exist or does not serve this ticket's queue`, 'integrationId');
    }
    const call = this.sources.newCall();
    let order: Order | null;
    try {
      order = await withDeadline((await this.sources.sourceFor(integration, call)).getOrder(externalId, call.signal), this.sources.timeoutMs);
    } catch (error) {
      throw new IntegrationsException(IntegrationsErrorCode.ShopFailed, `${integration.name}: ${asShopError(error, this.sources.timeoutMs).message}`);
    }
    if (!order) throw new IntegrationsException(IntegrationsErrorCode.OrderNotFound, `${integration.name} has no order ${externalId}`);
    await this.integrations.pin(ticket.id, integration.id, order.externalId, order, actor.userId);
    const mentioned = mentionedOrders(ticket.texts.join('\n'));
    return { ...order, mentioned: isMentioned(order, mentioned), pinned: true };
  }

  /**
   * The orders of a ticket for its templates: the pinned one, the mentioned
   * ones and the newest (the ticket may still be being opened: then from
   * what the caller knows of it).
   */
  async forTemplate(ticket: { id: string; queueId: string | null; subject: string; customerEmail: string | null; latestCustomerText: string | null }): Promise<{
    pinned: Order | null;
    mentioned: Order | null;
    newest: Order | null;
  }> {
    const pinnedRow = await this.integrations.pinned(ticket.id);
    const pinned = pinnedRow ? (pinnedRow.snapshot as Order) : null;
    if (pinned) return { pinned, mentioned: null, newest: null };
    const stored = await this.ticketRows.findById(ticket.id).catch(() => null);
    const texts = [ticket.subject, ticket.latestCustomerText ?? ''];
    const answer = await this.ofTicket({
      id: ticket.id,
      queueId: ticket.queueId,
      customerId: stored?.customerId ?? null,
      emails: ticket.customerEmail ? [ticket.customerEmail] : [],
      texts: stored ? [...texts, ...(await this.ticketTexts(ticket.id))] : texts,
    });
    return { pinned: null, mentioned: answer.items.find((o) => o.mentioned) ?? null, newest: answer.items[0] ?? null };
  }

  private async ofTicket(ticket: OrdersTicket): Promise<OrdersDto> {
    const mentioned = mentionedOrders(ticket.texts.join('\n'));
    const query = ticket.customerId
      ? await this.customerQuery(ticket.customerId, ticket.emails, mentioned)
      : { emails: ticket.emails.map((e) => e.toLowerCase()), phones: [], orderNumbers: mentioned.numbers, externalOrderIds: mentioned.externalIds };
    const [integrations, pinnedRow] = await Promise.all([this.integrations.serving(ticket.queueId), this.integrations.pinned(ticket.id)]);
    const found = await this.lookUp(integrations, query);
    const isPinned = (o: Order) => !!pinnedRow && o.integrationId === pinnedRow.integrationId && o.externalId === pinnedRow.externalId;
    const orders = [...found.orders];
    let pinned: Order | null = pinnedRow ? (orders.find(isPinned) ?? (pinnedRow.snapshot as Order)) : null;
    if (pinned && !orders.some(isPinned)) orders.push(pinned);
    const items = newestFirst(orders).map((o) => ({ ...o, mentioned: isMentioned(o, mentioned), pinned: isPinned(o) }));
    pinned = items.find((o) => o.pinned) ?? null;
    return { items, errors: found.errors, pinned: pinned as OrderDto | null };
  }

  private async ticketOf(ref: string, actor: Actor): Promise<OrdersTicket> {
    const ticket = await this.tickets.get(ref, actor);
    return { id: ticket.id, queueId: ticket.queueId, customerId: ticket.customerId, emails: [], texts: [ticket.subject, ...(await this.ticketTexts(ticket.id))] };
  }

  /** What the customer wrote on the ticket (and the channel's ids of it: a marketplace thread names its order). */
  private async ticketTexts(ticketId: string): Promise<string[]> {
    const messages = await this.messages.messagesOf(ticketId);
    return messages
      .filter((m) => m.direction === 'inbound')
      .flatMap((m) => [m.subject ?? '', (m.visibleText || m.bodyText || '').slice(0, 20_000), m.externalThreadId ?? '']);
  }

  private async customerQuery(customerId: string, extraEmails: string[], mentioned: MentionedOrders): Promise<OrderQuery> {
    const identities = await this.customerRows.identitiesOf([customerId]);
    const emails = new Set(extraEmails.map((e) => e.toLowerCase()));
    const phones = new Set<string>();
    const externalIds = new Set(mentioned.externalIds);
    for (const identity of identities) {
      if (identity.kind === 'email') emails.add(identity.value.toLowerCase());
      if (identity.kind === 'phone') phones.add(identity.value);
    }
    return { emails: [...emails], phones: [...phones], orderNumbers: mentioned.numbers, externalOrderIds: [...externalIds] };
  }

  /** Every integration at once; each answers within its own time-out. */
  private async lookUp(integrations: IntegrationRow[], query: OrderQuery): Promise<OrdersFound> {
    const nothingToAsk = !query.emails.length && !query.phones.length && !query.orderNumbers.length && !query.externalOrderIds?.length;
    if (nothingToAsk || !integrations.length) return { orders: [], errors: [] };
    const answers = await Promise.all(integrations.map((integration) => this.lookUpIn(integration, query)));
    return {
      orders: answers.flatMap((a) => ('orders' in a ? a.orders : [])),
      errors: answers.flatMap((a) => ('error' in a ? [a.error] : [])),
    };
  }

  private async lookUpIn(integration: IntegrationRow, query: OrderQuery): Promise<{ orders: Order[] } | { error: OrderLookupErrorDto }> {
    const fail = (message: string) => ({ error: { integrationId: integration.id, integrationName: integration.name, message } });
    try {
      const cached = await this.cache.get(integration.id, query);
      if (cached) return { orders: cached };
      const openFor = await this.breaker.openFor(integration.id);
      if (openFor > 0) return fail(`Not asked for ${openFor} s after repeated failures of the shop`);
      const call = this.sources.newCall();
      const source = await this.sources.sourceFor(integration, call);
      const orders = await withDeadline(source.findOrders(query, call.signal), this.sources.timeoutMs);
      await Promise.all([this.breaker.success(integration.id), this.cache.put(integration.id, query, orders)]);
      return { orders };
    } catch (error) {
      const shopError = asShopError(error, this.sources.timeoutMs);
      if (shopError.kind !== 'rate_limited') await this.breaker.failure(integration.id).catch(() => undefined);
      this.logger.warn(`Orders of integration ${integration.id} (${integration.type}): ${shopError.message}`);
      return fail(shopError.message);
    }
  }
}

/** The promise, or a time-out error once `ms` passed (whatever the shop's socket does). */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ShopError('timeout', `The shop did not answer within ${ms} ms`)), ms + 25);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
