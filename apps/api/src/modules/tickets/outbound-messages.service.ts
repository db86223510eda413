import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { planReplyTargets, type ChannelType, type ReplyTarget } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { ChannelsException, ChannelsErrorCode } from '../channels/channels.exception.js';
import { CustomersService } from '../customers/customers.service.js';
import type { CustomerEntity } from '../customers/entities/customer.entity.js';
import { MailOutboxService } from '../mail-outbox/mail-outbox.service.js';
import type { MessageEntity } from './entities/message.entity.js';
import type { TicketEntity } from './entities/ticket.entity.js';
import { MessageChannelsRepository } from './message-channels.repository.js';
import { MessagesRepository } from './messages.repository.js';
import { TicketsRepository } from './tickets.repository.js';

/** The default of the reply targets: the customer's latest channel; for an automatic reply, the first one it can go out on. */
function defaultReplyChannel(targets: readonly ReplyTarget[], automated: boolean): { channelId: string | null; channelType: ChannelType } {
  const chosen = automated ? (targets.find((t) => t.isDefault && t.canSend) ?? targets.find((t) => t.canSend)) : targets.find((t) => t.isDefault);
  return chosen ? { channelId: chosen.channelId, channelType: chosen.type } : { channelId: null, channelType: 'email' };
}

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
    private readonly messageChannels: MessageChannelsRepository,
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
   * Where a reply on the ticket may go: the channels the customer wrote on
   * that replies can be sent on (and the latest one, the default, even when
   * they cannot be yet), and e-mail to the customer's address when they wrote
   * to none of our addresses. See `planReplyTargets`.
   */
  async replyTargets(manager: EntityManager, ticket: Pick<TicketEntity, 'id' | 'inboundAddresses'>, customerEmail: string | null): Promise<ReplyTarget[]> {
    const used = await this.messageChannels.usedChannels(manager, ticket.id);
    const recipients = await this.replyRecipients(manager, ticket.id, customerEmail);
    return planReplyTargets({ used, emailRecipient: recipients.join(', '), fallbackFrom: ticket.inboundAddresses[0] ?? this.config.defaultFromAddress });
  }

  /**
   * The channel a reply to the customer goes out on: the one asked for (one of
   * the reply targets, else a 400 naming `channelId`), else the default: the
   * channel of the customer's latest message. An automatic reply never takes
   * a channel replies cannot be sent on yet; it goes by e-mail then.
   */
  async replyChannel(
    manager: EntityManager,
    ticket: Pick<TicketEntity, 'id' | 'inboundAddresses'>,
    customerEmail: string | null,
    options: { channelId?: string; automated?: boolean } = {},
  ): Promise<{ channelId: string | null; channelType: ChannelType }> {
    const targets = await this.replyTargets(manager, ticket, customerEmail);
    if (options.channelId !== undefined) {
      const asked = targets.find((t) => t.channelId === options.channelId);
      if (!asked) {
        throw new ChannelsException(
          ChannelsErrorCode.NotAReplyTarget,
          `channelId ${options.channelId} is not a channel a reply on this ticket can go to (see GET /tickets/{id}/reply-targets)`,
          'channelId',
        );
      }
      return { channelId: asked.channelId, channelType: asked.type };
    }
    return defaultReplyChannel(targets, options.automated ?? false);
  }

  /**
   * Where an automatic reply to a ticket just opened on `channel` goes, the
   * customer's message on it being the ticket's only one (what replyChannel
   * answers for such a ticket, without reading it back).
   */
  automaticReplyChannelOfNew(channel: { id: string; type: ChannelType; name: string }, customerEmail: string): { channelId: string | null; channelType: ChannelType } {
    const targets = planReplyTargets({
      used: [{ id: channel.id, type: channel.type, name: channel.name, recipient: '', replyWindowEndsAt: null }],
      emailRecipient: customerEmail,
      fallbackFrom: this.config.defaultFromAddress,
    });
    return defaultReplyChannel(targets, true);
  }

  /**
   * An automatic reply (e.g. the acknowledgement) queued for sending. It is
   * marked automated, so it does not count as the first response.
   */
  /** `from`: who the mail goes out as (`Name <address>`), recorded so the ticket shows it. */
  async queueAutomaticReply(ticketId: string, input: { subject: string; body: string; from?: string }): Promise<MessageEntity> {
    const message = await this.tickets.transaction(async (manager) => {
      const ticket = (await this.tickets.findById(ticketId, manager))!;
      const customer = await this.customers.get(ticket.customerId);
      const created = await this.messages.insertMessage(manager, {
        ticketId,
        direction: 'outbound',
        toAddresses: await this.replyRecipients(manager, ticketId, customer.email),
        // On the channel the customer wrote on last, as an agent's reply.
        ...(await this.replyChannel(manager, ticket, customer.email, { automated: true })),
        subject: input.subject,
        bodyText: input.body,
        ...(input.from ? { fromAddress: input.from } : {}),
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
    const found = await this.messages.findWithTicketAndCustomer(messageId);
    if (!found) return null;
    const { message, ticket, customer } = found;
    const files = found.hasAttachments ? await this.messages.attachmentsOf([message.id]) : [];
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
