import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { isWithinWeeklyHours } from '@okienko/domain';
import type { Rule, TicketFacts } from '@okienko/routing';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { NewTicketDraft } from '../tickets/automation/ticket-automation.hooks.js';
import type { MessageEntity } from '../tickets/entities/message.entity.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { RuleOrderStatus } from '../integrations/rule-order-status.js';
import { RuleFormValues } from '../web-forms/rule-form-values.js';
import { EnabledRulesCache } from './enabled-rules.cache.js';
import { RulesRepository } from './rules.repository.js';
import { ticketMarketplace } from './ticket-marketplace.js';

/** A message the rules look at when there is no stored one (a dry run's sample). */
export interface SampleMessage {
  subject: string;
  body: string;
  senderAddress: string;
  inboundAddresses: string[];
  hasAttachments: boolean;
}

/** Builds what the rule engine sees of a ticket: its fields, the message that fired the rule, its customer. */
@Injectable()
export class RuleFactsService {
  constructor(
    private readonly rules: RulesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly enabled: EnabledRulesCache,
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * The facts of a stored ticket; `message` is the one that fired the trigger (or null: its first message).
   * The order's status is asked of the shops only when an enabled rule (or `withOrders`: a dry run of one) needs it.
   */
  async forTicket(manager: EntityManager, ticket: TicketEntity, messageId: string | null, now = new Date(), withOrders?: boolean): Promise<TicketFacts> {
    const id = messageId ?? (await this.rules.firstInboundMessageId(manager, ticket.id));
    const message: MessageEntity | null = id ? await this.rules.message(manager, id) : null;
    const customer = await this.rules.customer(manager, ticket.customerId);
    return {
      inboundAddresses: [...ticket.inboundAddresses],
      senderAddress: message?.fromAddress ?? customer?.email ?? '',
      subject: ticket.subject,
      // The new text of the message, without the quoted history it may carry.
      body: message ? (message.visibleText ?? message.bodyText) : '',
      channel: ticket.channel,
      customerTags: [...(customer?.tags ?? [])],
      customerFields: {
        ...(customer?.externalIds ?? {}),
        name: customer?.name ?? '',
        email: customer?.email ?? '',
      },
      categoryId: ticket.categoryId,
      priority: ticket.priority,
      status: ticket.status,
      queueId: ticket.queueId,
      assigneeId: ticket.assigneeId,
      tags: [...ticket.tags],
      hasAttachments: message ? await this.rules.hasAttachments(manager, message.id) : false,
      withinBusinessHours: isWithinWeeklyHours(now, this.config.timeZone),
      orderStatus: await this.orderStatus(ticket, message, customer?.email ?? null, withOrders),
      marketplace: ticketMarketplace({ channel: ticket.channel, messageChannelType: message?.channelType, senderAddress: message?.fromAddress, tags: ticket.tags }),
      // A dry run (withOrders given) reads them whatever the enabled rules use.
      ...(await this.formFields(manager, ticket, withOrders !== undefined)),
    };
  }

  /** The web form's values of a form ticket, read only while an enabled rule has a `form.<name>` condition (or for a dry run). */
  private async formFields(manager: EntityManager, ticket: TicketEntity, always: boolean): Promise<{ formFields?: Record<string, string> }> {
    if (ticket.channel !== 'web_form' || (!always && !rulesUseFormFields((await this.enabled.get()).list))) return {};
    let source: RuleFormValues;
    try {
      source = this.moduleRef.get(RuleFormValues, { strict: false });
    } catch {
      return {};
    }
    const values = await source.valuesOf(manager, ticket.id);
    return values ? { formFields: values } : {};
  }

  private async orderStatus(ticket: TicketEntity, message: MessageEntity | null, customerEmail: string | null, withOrders?: boolean): Promise<string | null> {
    if (!withOrders && !rulesUseOrderStatus((await this.enabled.get()).list)) return null;
    let source: RuleOrderStatus;
    try {
      source = this.moduleRef.get(RuleOrderStatus, { strict: false });
    } catch {
      return null;
    }
    const latestCustomerText = message?.direction === 'inbound' ? `${message.subject ?? ''}\n${message.visibleText ?? message.bodyText}` : null;
    return source
      .statusOf({ id: ticket.id, queueId: ticket.queueId, subject: ticket.subject, customerEmail, latestCustomerText })
      .catch(() => null);
  }

  /** The facts of a ticket about to be opened for a new conversation (its customer may exist already). */
  forDraft(draft: NewTicketDraft, now = new Date()): TicketFacts {
    const customer = draft.customer;
    return {
      inboundAddresses: [...draft.inboundAddresses],
      senderAddress: draft.senderAddress,
      subject: draft.subject,
      body: draft.body,
      channel: draft.channel,
      customerTags: [...(customer?.tags ?? [])],
      customerFields: {
        ...(customer?.externalIds ?? {}),
        name: customer?.name ?? draft.senderName ?? '',
        email: customer?.email ?? draft.senderAddress,
      },
      categoryId: draft.categoryId,
      priority: draft.priority,
      status: 'new',
      queueId: draft.queueId,
      assigneeId: null,
      tags: [],
      hasAttachments: draft.hasAttachments,
      withinBusinessHours: isWithinWeeklyHours(now, this.config.timeZone),
      // A mail's From names an Amazon relay; an address typed into a form is no message's sender.
      marketplace: ticketMarketplace({ channel: draft.channel, senderAddress: draft.channel === 'email' ? draft.senderAddress : null }),
    };
  }

  /** The facts of a new ticket made of a sample message, as it would stand before any rule ran. */
  forSample(sample: SampleMessage, queueId: string | null, now = new Date()): TicketFacts {
    return {
      inboundAddresses: sample.inboundAddresses.map((a) => a.toLowerCase()),
      senderAddress: sample.senderAddress.toLowerCase(),
      subject: sample.subject,
      body: sample.body,
      channel: 'email',
      customerTags: [],
      customerFields: { email: sample.senderAddress.toLowerCase(), name: '' },
      categoryId: null,
      priority: 'normal',
      status: 'new',
      queueId,
      assigneeId: null,
      tags: [],
      hasAttachments: sample.hasAttachments,
      withinBusinessHours: isWithinWeeklyHours(now, this.config.timeZone),
      marketplace: ticketMarketplace({ channel: 'email', senderAddress: sample.senderAddress }),
    };
  }
}

const USED_BY = new WeakMap<readonly Rule[], boolean>();

const FORM_FIELDS_USED_BY = new WeakMap<readonly Rule[], boolean>();

/** Whether any of the rules has a `form.<name>` condition (remembered per list of rules). */
export function rulesUseFormFields(rules: readonly Rule[]): boolean {
  let uses = FORM_FIELDS_USED_BY.get(rules);
  if (uses === undefined) {
    uses = rules.some((rule) => JSON.stringify(rule.conditions ?? null).includes('"field":"form.'));
    FORM_FIELDS_USED_BY.set(rules, uses);
  }
  return uses;
}

/** Whether any of the rules has an `order_status` condition (remembered per list of rules). */
export function rulesUseOrderStatus(rules: readonly Rule[]): boolean {
  let uses = USED_BY.get(rules);
  if (uses === undefined) {
    uses = rules.some((rule) => JSON.stringify(rule.conditions ?? null).includes('"order_status"'));
    USED_BY.set(rules, uses);
  }
  return uses;
}
