import { Inject, Injectable } from '@nestjs/common';
import { isUnanswerableAddress, type SurveyKind } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { AutoReplyLimiterService } from '../mail-outbox/auto-reply-limiter.service.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { OutboundMessagesService } from '../tickets/outbound-messages.service.js';
import { MessagesRepository } from '../tickets/messages.repository.js';
import { surveyMail } from './survey-mail.js';
import { SurveyLinkService } from './survey-link.service.js';
import { SurveysRepository } from './surveys.repository.js';
import { tokenExpiry } from './survey-token.js';

const DAY_MS = 86_400_000;

/** Why no survey went out. */
export type SurveySkipReason = 'automated_sender' | 'customer_without_email' | 'survey_already_sent' | 'auto_reply_limit';

export type SurveySendResult =
  | { sent: true; surveyId: string; kind: SurveyKind; messageId: string; expiresAt: Date }
  | { sent: false; reason: SurveySkipReason; detail?: Record<string, unknown> };

/**
 * Sends a ticket's satisfaction survey: one per ticket, never to a machine
 * (a customer who wrote only automated mail, an automated message firing the
 * rule, mailer-daemon or no-reply addresses), within the automatic-reply caps.
 * The survey row and the mail are written in the caller's transaction; the
 * caller queues the mail once it commits.
 */
@Injectable()
export class SurveySenderService {
  constructor(
    private readonly surveys: SurveysRepository,
    private readonly messages: MessagesRepository,
    private readonly outbound: OutboundMessagesService,
    private readonly links: SurveyLinkService,
    private readonly limiter: AutoReplyLimiterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async send(
    manager: EntityManager,
    ticket: TicketEntity,
    request: { kind: SurveyKind; ruleId: string | null; automatedMessage: boolean },
  ): Promise<SurveySendResult> {
    if (request.automatedMessage) return { sent: false, reason: 'automated_sender' };
    if (await this.surveys.existsForTicket(manager, ticket.id)) return { sent: false, reason: 'survey_already_sent' };
    // Read in the transaction: the ticket (and its customer) may be new in it.
    const customer = await this.surveys.customer(manager, ticket.customerId);
    if (!customer?.email) return { sent: false, reason: 'customer_without_email' };
    if (isUnanswerableAddress(customer.email)) return { sent: false, reason: 'automated_sender', detail: { recipient: customer.email } };
    if (await this.surveys.customerWroteOnlyAutomated(manager, ticket.id)) return { sent: false, reason: 'automated_sender' };
    if (!(await this.limiter.allow(customer.email))) return { sent: false, reason: 'auto_reply_limit', detail: { recipient: customer.email } };

    const sentAt = new Date();
    const expiresAt = tokenExpiry(new Date(sentAt.getTime() + this.config.surveyLinkDays * DAY_MS));
    const survey = await this.surveys.insertOnce(manager, { ticketId: ticket.id, kind: request.kind, ruleId: request.ruleId, sentAt, expiresAt });
    if (!survey) return { sent: false, reason: 'survey_already_sent' };
    const mail = surveyMail({
      kind: survey.kind,
      ticketNumber: ticket.number,
      ticketSubject: ticket.subject,
      customerName: customer.name,
      link: await this.links.url(survey.id, expiresAt),
      expiresAt,
      timeZone: this.config.timeZone,
      language: customer.language ?? 'pl',
    });
    const message = await this.messages.insertMessage(manager, {
      ticketId: ticket.id,
      direction: 'outbound',
      toAddresses: [customer.email],
      subject: mail.subject,
      bodyText: mail.body,
      messageId: this.outbound.newMessageId(),
      ...(await this.outbound.threadingFor(manager, ticket.id)),
      deliveryState: 'queued',
      automated: true,
    });
    await this.surveys.setMessage(manager, survey.id, message.id);
    return { sent: true, surveyId: survey.id, kind: survey.kind, messageId: message.id, expiresAt };
  }
}
