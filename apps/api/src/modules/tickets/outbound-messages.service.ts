import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CustomersService } from '../customers/customers.service.js';
import type { CustomerEntity } from '../customers/entities/customer.entity.js';
import { MailOutboxService } from '../mail-outbox/mail-outbox.service.js';
import type { MessageEntity } from './entities/message.entity.js';
import type { TicketEntity } from './entities/ticket.entity.js';
import { MessagesRepository } from './messages.repository.js';
import { TicketsRepository } from './tickets.repository.js';

export interface OutboundDelivery {
  message: MessageEntity;
  ticket: TicketEntity;
  customer: CustomerEntity;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/** Outbound mail of tickets: our Message-IDs, automatic replies, and the delivery state of each message. */
@Injectable()
export class OutboundMessagesService {
  constructor(
    private readonly tickets: TicketsRepository,
    private readonly messages: MessagesRepository,
    private readonly customers: CustomersService,
    private readonly outbox: MailOutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A new Message-ID of ours (without angle brackets). */
  newMessageId(): string {
    return `${randomUUID()}@${this.config.mailDomain}`;
  }

  /**
   * In-Reply-To and References of a reply on this ticket (RFC 5322 3.6.4): it
   * answers the customer's latest mail and carries that mail's References on.
   */
  async threadingFor(manager: EntityManager, ticketId: string): Promise<{ inReplyTo: string | null; references: string[] }> {
    const latest = await this.messages.latestInbound(manager, ticketId);
    if (!latest?.messageId) return { inReplyTo: null, references: [] };
    const references = [...latest.references.filter((id) => id !== latest.messageId), latest.messageId];
    return { inReplyTo: latest.messageId, references: references.slice(-20) };
  }

  /**
   * Where an answer to the customer goes: the Reply-To addresses of their
   * latest mail when it named others than its From, else the address it came
   * from (a customer writing from another of their e-mail identities is
   * answered there), else their primary address.
   */
  async replyRecipients(manager: EntityManager, ticketId: string, customerEmail: string | null): Promise<string[]> {
    const latest = await this.messages.latestInbound(manager, ticketId);
    if (latest?.replyToAddresses?.length) return latest.replyToAddresses;
    if (latest?.fromAddress?.includes('@')) return [latest.fromAddress];
    return customerEmail ? [customerEmail] : [];
  }

  /**
   * An automatic reply (e.g. the acknowledgement) queued for sending. It is
   * marked automated, so it does not count as the first response.
   */
  async queueAutomaticReply(ticketId: string, input: { subject: string; body: string }): Promise<MessageEntity> {
    const message = await this.tickets.transaction(async (manager) => {
      const ticket = (await this.tickets.findById(ticketId, manager))!;
      const customer = await this.customers.get(ticket.customerId);
      const created = await this.messages.insertMessage(manager, {
        ticketId,
        direction: 'outbound',
        toAddresses: await this.replyRecipients(manager, ticketId, customer.email),
        subject: input.subject,
        bodyText: input.body,
        messageId: this.newMessageId(),
        ...(await this.threadingFor(manager, ticketId)),
        deliveryState: 'queued',
        automated: true,
      });
      await this.tickets.insertEvents(manager, [
        {
          ticketId, type: 'message_added', actorType: 'system', actorId: null, actorName: null, field: null, oldValue: null,
          newValue: { messageId: created.id, direction: 'outbound', automated: true },
        },
      ]);
      return created;
    });
    await this.outbox.enqueue(message.id);
    return message;
  }

  /**
   * Records on the ticket that an automatic answer was not sent, and why
   * (e.g. `sender_not_verified`: the sender's domain failed DMARC).
   */
  async recordWithheldAutoReply(ticketId: string, detail: { kind: string; reason: string } & Record<string, unknown>): Promise<void> {
    await this.tickets.transaction((manager) =>
      this.tickets.insertEvents(manager, [
        { ticketId, type: 'auto_reply_withheld', actorType: 'system', actorId: null, actorName: null, field: null, oldValue: null, newValue: detail },
      ]),
    );
  }

  /** Whether the customer got an answer on this ticket already (then no acknowledgement is needed). */
  hasCustomerAnswer(ticketId: string): Promise<boolean> {
    return this.messages.hasCustomerAnswer(ticketId);
  }

  /** When the ticket's first answer is due under its SLA policy (null: no deadline, or answered already). */
  async firstResponseDueAt(ticketId: string): Promise<Date | null> {
    const ticket = await this.tickets.findById(ticketId);
    return ticket && !ticket.firstResponseAt ? ticket.firstResponseDueAt : null;
  }

  async enqueue(messageId: string): Promise<void> {
    await this.outbox.enqueue(messageId);
  }

  /** Everything needed to send a message, or null when it is sent already (or gone). */
  async claimForDelivery(messageId: string): Promise<OutboundDelivery | null> {
    if (!(await this.messages.claimForSending(messageId))) return null;
    const message = (await this.messages.findMessage(messageId))!;
    const ticket = (await this.tickets.findById(message.ticketId))!;
    const customer = await this.customers.get(ticket.customerId);
    const files = await this.messages.attachmentsOf([message.id]);
    const attachments = await Promise.all(
      files.map(async (f) => ({ filename: f.filename, contentType: f.contentType, content: await this.messages.attachmentContent(f.blobSha256) })),
    );
    return { message, ticket, customer, attachments };
  }

  markSent(messageId: string): Promise<void> {
    return this.messages.updateMessage(messageId, { deliveryState: 'sent', sentAt: new Date(), deliveryError: null });
  }

  /** Back to `queued` with the reason, for another try later. */
  markRetrying(messageId: string, error: string): Promise<void> {
    return this.messages.updateMessage(messageId, { deliveryState: 'queued', deliveryError: error.slice(0, 2000) });
  }

  markFailed(messageId: string, error: string): Promise<void> {
    return this.messages.updateMessage(messageId, { deliveryState: 'failed', deliveryError: error.slice(0, 2000) });
  }

  pendingIds(limit: number): Promise<string[]> {
    return this.messages.pendingOutboundIds(limit);
  }
}
