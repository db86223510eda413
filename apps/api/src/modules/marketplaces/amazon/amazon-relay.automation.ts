import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AfterCommit, NewTicketDraft, NewTicketPlan, TicketAutomation, TicketChange } from '../../tickets/automation/ticket-automation.hooks.js';
import { TicketsRepository } from '../../tickets/tickets.repository.js';
import { amazonOrderId, amazonOrderTag, amazonRelaySite } from './amazon-relay.js';

/**
 * Amazon buyer messages arrive by mail from Amazon's relay addresses. Before
 * the rules (so they can match them), a buyer's message from a relay address
 * keeps the relay as an `external` identity of the customer (source
 * `amazon`), and its ticket is tagged `amazon` and `amazon-order:<id>` with
 * the order id of the subject or text. Replies go back to the relay address,
 * which Amazon forwards. A new relay mail takes the general path (the
 * identity is written with the ticket).
 */
@Injectable()
export class AmazonRelayAutomation implements TicketAutomation {
  readonly name = 'amazon';

  constructor(private readonly tickets: TicketsRepository) {}

  async planNewTicket(draft: NewTicketDraft): Promise<NewTicketPlan | null> {
    return amazonRelaySite(draft.senderAddress) ? null : { patch: {}, events: [] };
  }

  async onChange(manager: EntityManager, change: TicketChange): Promise<AfterCommit[]> {
    if ((change.trigger !== 'ticket_created' && change.trigger !== 'customer_replied') || !change.messageId) return [];
    const [message] = (await manager.query(
      `SELECT m.from_address, m.subject, m.body_text, t.customer_id, t.tags FROM messages m JOIN tickets t ON t.id = m.ticket_id
        WHERE m.id = $1 AND m.direction = 'inbound'`,
      [change.messageId],
    )) as { from_address: string | null; subject: string | null; body_text: string | null; customer_id: string; tags: string[] }[];
    const site = amazonRelaySite(message?.from_address);
    if (!message || !site) return [];
    const relay = message.from_address!.trim().toLowerCase();
    await manager.query(
      `INSERT INTO customer_identities (customer_id, kind, source, value) VALUES ($1, 'external', 'amazon', $2) ON CONFLICT (kind, source, value) DO NOTHING`,
      [message.customer_id, relay],
    );
    const orderId = amazonOrderId(message.subject ?? '', message.body_text ?? '');
    const wanted = ['amazon', ...(orderId ? [amazonOrderTag(orderId)] : [])].filter((t) => !message.tags.includes(t));
    if (!wanted.length) return [];
    const tags = [...message.tags, ...wanted];
    await this.tickets.updateTicket(manager, change.ticketId, { tags });
    await this.tickets.insertEvents(manager, [
      {
        ticketId: change.ticketId, type: 'field_changed', actorType: 'system', actorId: null, actorName: `Amazon (${site})`,
        field: 'tags', oldValue: message.tags, newValue: tags,
      },
    ]);
    return [];
  }
}
