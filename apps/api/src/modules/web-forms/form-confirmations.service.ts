import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MessagesRepository } from '../tickets/messages.repository.js';
import { OutboundMessagesService } from '../tickets/outbound-messages.service.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';

/**
 * The confirmation mail of a filed submission, written in the filing
 * transaction (the message and its `message_added` event, exactly as
 * `OutboundMessagesService.queueAutomaticReply` writes an automatic reply in a
 * transaction of its own) and handed to the outbox after the commit: one
 * transaction per submission instead of two.
 */
@Injectable()
export class FormConfirmationsService {
  constructor(
    private readonly outbound: OutboundMessagesService,
    private readonly messages: MessagesRepository,
    private readonly tickets: TicketsRepository,
  ) {}

  /** Writes the confirmation to the new ticket's customer; its message id, to enqueue once committed. */
  async write(manager: EntityManager, ticketId: string, customerEmail: string | null, mail: { subject: string; body: string }): Promise<string> {
    const created = await this.messages.insertMessage(manager, {
      ticketId,
      direction: 'outbound',
      toAddresses: await this.outbound.replyRecipients(manager, ticketId, customerEmail),
      // On the form's channel (the customer's only one on a new form ticket), as any automatic reply.
      ...(await this.outbound.replyChannel(manager, { id: ticketId, inboundAddresses: [] }, customerEmail, { automated: true })),
      subject: mail.subject,
      bodyText: mail.body,
      messageId: this.outbound.newMessageId(),
      ...(await this.outbound.threadingFor(manager, ticketId)),
      deliveryState: 'queued',
      automated: true,
      // After the customer's message (the transaction's own time is earlier than the intake's clock).
      createdAt: new Date(),
    });
    await this.tickets.insertEvents(manager, [
      {
        ticketId, type: 'message_added', actorType: 'system', actorId: null, actorName: null, field: null, oldValue: null,
        newValue: { messageId: created.id, direction: 'outbound', automated: true },
      },
    ]);
    return created.id;
  }

  /** Hands a written confirmation to the outbox. */
  enqueue(messageId: string): Promise<void> {
    return this.outbound.enqueue(messageId);
  }
}
