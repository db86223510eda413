import { Inject, Injectable } from '@nestjs/common';
import { type ReplyTarget, statusAfterAgentReply, type TicketStatus } from '@okienko/domain';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { sanitizeHtml } from '../../core/html/sanitize-html.js';
import { CustomersService } from '../customers/customers.service.js';
import { QueuesService } from '../queues/queues.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { TemplatesService } from '../templates/templates.service.js';
import { UsersService } from '../users/users.service.js';
import type { AttachmentInputDto } from './dtos/attachment-input.dto.js';
import type { CreateMessageDto } from './dtos/create-message.dto.js';
import type { MessageEntity } from './entities/message.entity.js';
import type { TicketEntity } from './entities/ticket.entity.js';
import { TicketAccessPolicy } from './ticket-access.policy.js';
import { checkedStatusPatch } from './status-change-patch.js';
import { auditActor, fieldChangeEvents } from './ticket-audit.js';
import { OutboundMessagesService } from './outbound-messages.service.js';
import { TicketAutomationHooks, type AfterCommit } from './automation/ticket-automation.hooks.js';
import { MessagesRepository, type NewAttachment } from './messages.repository.js';
import { TicketsRepository } from './tickets.repository.js';
import { TicketsService } from './tickets.service.js';
import { addresses } from './recipient-addresses.js';
import { composeReply, renderSignature, type ComposedReply } from './reply-composition.js';

/**
 * What agents write on a ticket: replies to the customer (on the channel they
 * choose, an e-mail signed and quoting what it answers) and internal notes.
 */
@Injectable()
export class TicketRepliesService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly repository: TicketsRepository,
    private readonly messages: MessagesRepository,
    private readonly customers: CustomersService,
    private readonly queues: QueuesService,
    private readonly users: UsersService,
    private readonly outbound: OutboundMessagesService,
    private readonly templates: TemplatesService,
    private readonly automation: TicketAutomationHooks,
    private readonly access: TicketAccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  /**
   * Adds an internal note, or a reply to the customer stored as an outbound
   * message in state `queued` and handed to the mail workers once committed.
   */
  async addMessage(ref: string, dto: CreateMessageDto, actor: Actor): Promise<MessageEntity> {
    const { id } = await this.tickets.get(ref, actor);
    let afterCommit: AfterCommit[] = [];
    const message = await this.repository.transaction(async (manager) => {
      const ticket = await this.tickets.lockedTicket(manager, id);
      await this.access.assertCanSee(actor, ticket, ref);
      const now = new Date();
      const isReply = dto.type === 'reply';
      const customer = isReply ? await this.customers.get(ticket.customerId) : null;
      const threading = isReply ? await this.outbound.threadingFor(manager, ticket.id) : { inReplyTo: null, references: [] };
      // A template's body unless the agent's own body overrides it; a signed-in agent fills {{agent.name}}.
      const template = dto.templateId
        ? await this.templates.renderForTicket(manager, dto.templateId, ticket.id, actor.type === 'user' ? { name: actor.name } : null)
        : null;
      // The channel the customer wrote on last, or the one the agent chose among the reply targets.
      const channel = isReply ? await this.outbound.replyChannel(manager, ticket, customer?.email ?? null, { channelId: dto.channelId }) : null;
      const text = dto.body ?? template?.body ?? '';
      const html = dto.html ? sanitizeHtml(dto.html) : null;
      // An e-mail reply is signed and quotes the customer's message it answers.
      const composed = channel?.channelType === 'email'
        ? await this.composeEmailReply(manager, ticket, customer, actor, dto, text, html)
        : { bodyText: text, bodyHtml: html, visibleText: null };
      const message = await this.messages.insertMessage(manager, {
        ticketId: ticket.id,
        direction: isReply ? 'outbound' : 'note',
        messageId: isReply ? this.outbound.newMessageId() : null,
        ...threading,
        authorUserId: actor.userId,
        authorApiTokenId: actor.type === 'api_token' ? actor.id : null,
        // The agent's own recipients, else where the customer's latest mail asked answers to go.
        toAddresses: isReply ? (dto.toAddresses ? addresses(dto.toAddresses) : await this.outbound.replyRecipients(manager, ticket.id, customer?.email ?? null)) : [],
        ccAddresses: isReply ? addresses(dto.ccAddresses ?? []) : [],
        bccAddresses: isReply ? addresses(dto.bccAddresses ?? []) : [],
        ...(channel ?? {}),
        subject: isReply ? (template?.subject ?? `Re: ${ticket.subject}`) : null,
        ...composed,
        deliveryState: isReply ? 'queued' : 'none',
        createdAt: now,
      });

      const patch: Partial<TicketEntity> = {};
      const target: TicketStatus | undefined = dto.status ?? (isReply ? statusAfterAgentReply(ticket.status) : undefined);
      if (target !== undefined && target !== ticket.status) Object.assign(patch, checkedStatusPatch(ticket.status, target));
      if (isReply) {
        patch.lastOutboundAt = now;
        if (!ticket.firstResponseAt) patch.firstResponseAt = now;
        // An agent answering a ticket nobody holds takes it (a setting, on by default), so reports count it as theirs.
        if (!ticket.assigneeId && actor.type === 'user' && actor.userId && (await this.settings.assignOnReply())) patch.assigneeId = actor.userId;
      }
      await this.messages.insertAttachments(manager, message.id, (dto.attachments ?? []).map(toNewAttachment));
      // What the agent had drafted is now sent (or noted).
      if (actor.type === 'user' && actor.userId) await this.messages.deleteDraft(manager, ticket.id, actor.userId);
      await this.repository.updateTicket(manager, ticket.id, { ...patch, updatedAt: now });
      await this.repository.insertEvents(manager, [
        {
          ticketId: ticket.id,
          type: 'message_added',
          ...auditActor(actor),
          field: null,
          oldValue: null,
          newValue: { messageId: message.id, direction: message.direction, ...(template ? { templateId: template.templateId } : {}) },
        },
        ...fieldChangeEvents(ticket, patch, auditActor(actor)),
      ]);
      afterCommit = await this.automation.onChange(manager, {
        ticketId: ticket.id, trigger: isReply ? 'agent_replied' : null, messageId: message.id, statusBefore: ticket.status,
      });
      return message;
    });
    if (message.direction === 'outbound') await this.outbound.enqueue(message.id);
    await this.automation.afterCommit(afterCommit);
    return message;
  }

  /**
   * An e-mail reply as sent: the text, the agent's signature (else the
   * queue's; `signature: false` leaves it out) and the customer's message it
   * answers quoted below (`quote: false` leaves it out).
   */
  private async composeEmailReply(
    manager: EntityManager,
    ticket: TicketEntity,
    customer: { name: string | null; email: string | null; language?: string | null } | null,
    actor: Actor,
    dto: CreateMessageDto,
    text: string,
    html: string | null,
  ): Promise<ComposedReply> {
    let signature: string | null = null;
    if (dto.signature !== false) {
      const agent = actor.type === 'user' && actor.userId ? await this.users.get(actor.userId).catch(() => null) : null;
      const queue = ticket.queueId ? (await this.queues.listQueues()).find((q) => q.id === ticket.queueId) ?? null : null;
      const source = agent?.signature?.trim() || queue?.signature?.trim() || null;
      signature = source
        ? renderSignature(source, {
          agentName: agent?.name ?? (actor.type === 'user' ? actor.name : null),
          queueName: queue?.name ?? null,
          customerName: customer?.name ?? null,
          customerEmail: customer?.email ?? null,
          ticketNumber: ticket.number,
          ticketSubject: ticket.subject,
        }) || null
        : null;
    }
    // Only what the customer wrote by e-mail is quoted (not an agent's note of a call).
    const latest = dto.quote === false ? null : await this.messages.latestInbound(manager, ticket.id);
    const answered = latest?.channelType === 'email' ? latest : null;
    const quote = answered
      ? { authorName: customer?.name ?? null, authorAddress: answered.fromAddress, createdAt: answered.createdAt, text: answered.visibleText ?? answered.bodyText }
      : null;
    // The quote's line in the customer's language (Polish when it is not known).
    return composeReply({ text, html, signature, quote }, this.config.timeZone, customer?.language === 'en' ? 'en' : 'pl');
  }

  /** Where a reply on the ticket may go, the default marked (see `OutboundMessagesService.replyTargets`). */
  async replyTargets(ref: string, actor: Actor): Promise<ReplyTarget[]> {
    const ticket = await this.tickets.get(ref, actor);
    const customer = await this.customers.get(ticket.customerId);
    return this.repository.transaction((manager) => this.outbound.replyTargets(manager, ticket, customer.email));
  }
}

function toNewAttachment(file: AttachmentInputDto): NewAttachment {
  const content = Buffer.from(file.contentBase64, 'base64');
  return {
    filename: file.filename.trim(),
    contentType: file.contentType.toLowerCase(),
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    contentId: null,
    inline: false,
  };
}

