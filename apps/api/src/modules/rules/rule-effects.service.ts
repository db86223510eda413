import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { RuleEffect, RuleTrigger } from '@okienko/routing';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { AutoReplyLimiterService } from '../mail-outbox/auto-reply-limiter.service.js';
import { AssignmentService } from '../queues/assignment.service.js';
import { SurveySenderService } from '../surveys/survey-sender.service.js';
import { TemplatesService } from '../templates/templates.service.js';
import type { AfterCommit } from '../tickets/automation/ticket-automation.hooks.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { OutboundMessagesService } from '../tickets/outbound-messages.service.js';
import type { EventActor } from '../tickets/ticket-audit.js';
import type { NewTicketEvent } from '../tickets/tickets.repository.js';
import { MessagesRepository } from '../tickets/messages.repository.js';
import { RulesRepository, type RecipientUser } from './rules.repository.js';
import { WEBHOOK_QUEUE } from './rules-queues.js';
import { WebhookEvents } from '../webhooks/webhook-events.service.js';

/** What carrying out one side effect did: ticket fields to set, audit events, work after the commit. */
export interface EffectOutcome {
  patch: Partial<TicketEntity>;
  events: NewTicketEvent[];
  afterCommit: AfterCommit[];
}

export interface EffectContext {
  trigger: RuleTrigger;
  /** The message that fired the rules was written by a machine (no automatic answer to it). */
  automatedMessage: boolean;
}

export interface WebhookJob {
  deliveryId: string;
}

export const WEBHOOK_ATTEMPTS = 6;

/**
 * Carries out the rule actions that reach beyond the ticket's own fields:
 * assignment by the queue's strategy, internal notes, automatic answers from
 * templates, notifications, forwarded copies, webhooks and satisfaction
 * surveys. Everything is
 * written in the caller's transaction; mail and webhook calls are queued after it commits.
 */
@Injectable()
export class RuleEffectsService {
  constructor(
    private readonly rules: RulesRepository,
    private readonly messages: MessagesRepository,
    private readonly outbound: OutboundMessagesService,
    private readonly assignment: AssignmentService,
    private readonly templates: TemplatesService,
    private readonly limiter: AutoReplyLimiterService,
    private readonly surveys: SurveySenderService,
    @InjectQueue(WEBHOOK_QUEUE) private readonly webhooks: Queue<WebhookJob>,
    private readonly webhookEvents: WebhookEvents,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(manager: EntityManager, ticket: TicketEntity, effect: RuleEffect, context: EffectContext): Promise<EffectOutcome> {
    const who: EventActor = { actorType: 'rule', actorId: effect.ruleId, actorName: effect.ruleName };
    const outcome: EffectOutcome = { patch: {}, events: [], afterCommit: [] };
    const event = (type: string, newValue: Record<string, unknown>): NewTicketEvent => ({
      ticketId: ticket.id, type, ...who, field: null, oldValue: null, newValue,
    });
    const skipped = (reason: string, detail?: Record<string, unknown>) => {
      outcome.events.push(event('rule_action_skipped', { action: effect.action.type, reason, ...detail }));
      return outcome;
    };
    const action = effect.action;

    switch (action.type) {
      case 'assign_by_strategy': {
        if (!effect.queueId) return skipped('no_queue');
        const userId = await this.assignment.pickAssignee(manager, effect.queueId);
        if (!userId) return skipped('no_available_agent', { queueId: effect.queueId });
        if (userId !== ticket.assigneeId) {
          outcome.patch.assigneeId = userId;
          outcome.events.push({ ticketId: ticket.id, type: 'field_changed', ...who, field: 'assigneeId', oldValue: ticket.assigneeId, newValue: userId });
        }
        return outcome;
      }
      case 'add_note': {
        const note = await this.messages.insertMessage(manager, {
          ticketId: ticket.id, direction: 'note', bodyText: action.body, deliveryState: 'none', automated: true,
        });
        outcome.events.push(event('message_added', { messageId: note.id, direction: 'note' }));
        return outcome;
      }
      case 'reply_with_template': {
        if (context.automatedMessage) return skipped('automated_sender');
        if (await this.unverifiedSender(manager, ticket)) return skipped('sender_not_verified');
        const customer = await this.rules.customer(manager, ticket.customerId);
        if (!customer?.email) return skipped('customer_without_email');
        if (!(await this.limiter.allow(customer.email))) return skipped('auto_reply_limit', { recipient: customer.email });
        const rendered = await this.templates.renderForTicket(manager, action.templateId, ticket.id, null);
        const message = await this.messages.insertMessage(manager, {
          ticketId: ticket.id,
          direction: 'outbound',
          // Where the customer's mail asked answers to go (its Reply-To), as for an agent's reply.
          toAddresses: await this.outbound.replyRecipients(manager, ticket.id, customer.email),
          // On the channel the customer wrote on last, as an agent's reply.
          ...(await this.outbound.replyChannel(manager, ticket, customer.email, { automated: true })),
          subject: rendered.subject ?? `Re: ${ticket.subject}`,
          bodyText: rendered.body,
          messageId: this.outbound.newMessageId(),
          ...(await this.outbound.threadingFor(manager, ticket.id)),
          deliveryState: 'queued',
          automated: true,
        });
        outcome.events.push(event('message_added', { messageId: message.id, direction: 'outbound', automated: true, templateId: rendered.templateId }));
        outcome.afterCommit.push(() => this.outbound.enqueue(message.id));
        return outcome;
      }
      case 'notify': {
        const recipients = await this.recipients(manager, action.target, action.userId, effect);
        if (recipients.length === 0) return skipped('no_recipients', { target: action.target });
        const message = await this.messages.insertMessage(manager, {
          ticketId: ticket.id,
          direction: 'outbound',
          purpose: 'notification',
          toAddresses: recipients.map((r) => r.email),
          subject: `[Okienko] ${ticket.number}: ${ticket.subject}`,
          bodyText: [
            `Reguła „${effect.ruleName}” prosi o uwagę dla zgłoszenia ${ticket.number}.`,
            '',
            `Temat: ${ticket.subject}`,
            `Priorytet: ${ticket.priority}`,
            '',
            this.ticketLink(ticket),
          ].join('\n'),
          messageId: this.outbound.newMessageId(),
          deliveryState: 'queued',
          automated: true,
        });
        outcome.events.push(event('notification_sent', { messageId: message.id, target: action.target, to: recipients.map((r) => r.email) }));
        outcome.afterCommit.push(() => this.outbound.enqueue(message.id));
        return outcome;
      }
      case 'forward_copy': {
        const latest = await this.messages.latestInbound(manager, ticket.id);
        const customer = await this.rules.customer(manager, ticket.customerId);
        const message = await this.messages.insertMessage(manager, {
          ticketId: ticket.id,
          direction: 'outbound',
          purpose: 'forward',
          toAddresses: [action.address],
          subject: `Fwd: ${ticket.subject}`,
          bodyText: [
            `Kopia zgłoszenia ${ticket.number} przekazana przez regułę „${effect.ruleName}”.`,
            `Klient: ${[customer?.name, customer?.email].filter(Boolean).join(' ')}`,
            this.ticketLink(ticket),
            '',
            '---------- Wiadomość klienta ----------',
            latest ? (latest.visibleText ?? latest.bodyText) : '',
          ].join('\n'),
          messageId: this.outbound.newMessageId(),
          deliveryState: 'queued',
          automated: true,
        });
        outcome.events.push(event('message_forwarded', { messageId: message.id, to: action.address }));
        outcome.afterCommit.push(() => this.outbound.enqueue(message.id));
        return outcome;
      }
      case 'call_webhook': {
        const customer = await this.rules.customer(manager, ticket.customerId);
        const payload = {
          event: context.trigger,
          rule: { id: effect.ruleId, name: effect.ruleName },
          ticket: {
            id: ticket.id, number: ticket.number, subject: ticket.subject, status: ticket.status, priority: ticket.priority,
            channel: ticket.channel, queueId: ticket.queueId, categoryId: ticket.categoryId, assigneeId: ticket.assigneeId, tags: ticket.tags,
            url: this.ticketLink(ticket),
          },
          customer: customer ? { id: customer.id, email: customer.email, name: customer.name } : null,
        };
        // Through the integrators' webhook engine: signed, retried with back-off, in the endpoint's delivery log.
        const deliveryId = await this.webhookEvents.deliverToUrl(manager, action.url, `rule.${context.trigger ?? 'changed'}`, payload, `Rule: ${effect.ruleName}`);
        outcome.events.push(event('webhook_queued', { deliveryId, url: action.url }));
        return outcome;
      }
      case 'send_survey': {
        if (!context.automatedMessage && (await this.unverifiedSender(manager, ticket))) return skipped('sender_not_verified');
        const result = await this.surveys.send(manager, ticket, { kind: action.kind, ruleId: effect.ruleId, automatedMessage: context.automatedMessage });
        if (!result.sent) return skipped(result.reason, result.detail);
        outcome.events.push(event('message_added', { messageId: result.messageId, direction: 'outbound', automated: true }));
        outcome.events.push(event('survey_sent', { surveyId: result.surveyId, kind: result.kind, messageId: result.messageId, expiresAt: result.expiresAt.toISOString() }));
        outcome.afterCommit.push(() => this.outbound.enqueue(result.messageId));
        return outcome;
      }
      default:
        return outcome;
    }
  }

  async enqueueWebhook(deliveryId: string): Promise<void> {
    await this.webhooks.add('call', { deliveryId }, {
      jobId: deliveryId,
      attempts: WEBHOOK_ATTEMPTS,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  private async recipients(
    manager: EntityManager,
    target: 'assignee' | 'queue' | 'lead' | 'user',
    userId: string | undefined,
    effect: RuleEffect,
  ): Promise<RecipientUser[]> {
    switch (target) {
      case 'queue':
        return effect.queueId ? this.rules.queueMembers(manager, effect.queueId) : [];
      case 'lead': {
        const lead = effect.queueId ? await this.rules.queueLead(manager, effect.queueId) : null;
        return lead ? [lead] : [];
      }
      case 'assignee': {
        const user = effect.assigneeId ? await this.rules.activeUser(manager, effect.assigneeId) : null;
        return user ? [user] : [];
      }
      case 'user': {
        const user = userId ? await this.rules.activeUser(manager, userId) : null;
        return user ? [user] : [];
      }
    }
  }

  /** No automatic answer to a sender whose domain failed DMARC (by setting): it may be forged. */
  private async unverifiedSender(manager: EntityManager, ticket: TicketEntity): Promise<boolean> {
    return this.config.mailAuthSuppressAutoReplyOnDmarcFail && (await this.rules.latestSenderFailedDmarc(manager, ticket.id));
  }

  private ticketLink(ticket: TicketEntity): string {
    return `${this.config.publicUrl.replace(/\/+$/, '')}/tickets/${ticket.number}`;
  }
}
