import { Injectable } from '@nestjs/common';
import type { TicketStatus } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import {
  type AfterCommit, type NewTicketDraft, type NewTicketPlan, type TicketAutomation, type TicketChange,
} from '../tickets/automation/ticket-automation.hooks.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { SlaPoliciesService } from './sla-policies.service.js';
import { needsBusinessTimes, responseBusinessTimes } from './response-business-times.js';
import { TicketSlaRepository, type TicketSlaContext } from './ticket-sla.repository.js';
import {
  COMPLAINT_CATEGORY_SLUG, EMPTY_TICKET_SLA, recomputeTicketSla, type TicketSlaColumns, type TicketSlaSnapshot,
} from './ticket-sla-state.js';

/**
 * Keeps every ticket's deadlines up to date: after the rules, in the same
 * transaction as each change (creation, status, priority, queue, category,
 * replies), the policy is matched again and the deadlines recounted from the
 * ticket's start with its pauses. New mail's one-statement path gets the
 * deadlines in its plan, computed from the fields the rules set.
 */
@Injectable()
export class TicketSlaService implements TicketAutomation {
  readonly name = 'sla';

  constructor(
    private readonly policies: SlaPoliciesService,
    private readonly repository: TicketSlaRepository,
  ) {}

  async onChange(manager: EntityManager, change: TicketChange): Promise<AfterCommit[]> {
    const context = await this.repository.context(manager, change.ticketId);
    if (!context) return [];
    const { ticket } = context;
    // A person's reply starts the next-response clock at the moment it was stored; an auto-reply starts nothing.
    const message = change.trigger === 'customer_replied' && change.messageId ? await this.repository.messageFacts(manager, change.messageId) : null;
    const customerReplied = message !== null && !message.automated;
    // The reply's change (a waiting ticket opens again) happened when the reply was stored.
    const now = customerReplied ? message.createdAt : new Date();
    const next = await this.recount(ticket, context.customerTags, context.categorySlug, now, {
      customerReplied,
      customerRepliedAt: message?.createdAt,
      agentReplied: change.trigger === 'agent_replied',
    });
    // The first response and resolution times in business time, counted once when they happen (for the reports).
    const times = needsBusinessTimes(ticket)
      ? responseBusinessTimes(ticket, await this.policies.calendarFor((await this.policyOf(ticket, context.customerTags)) ?? { calendarId: null }))
      : {};
    await this.repository.updateSla(manager, ticket.id, { ...changedColumns(ticket, next), ...times });
    return [];
  }

  async planNewTicket(draft: NewTicketDraft, planned: NewTicketPlan): Promise<NewTicketPlan> {
    const fields = { ...draft, ...planned.patch };
    const customerTags = draft.customer?.tags ?? [];
    const categorySlug = fields.categoryId ? await this.repository.categorySlug(fields.categoryId) : null;
    const createdAt = draft.createdAt ?? new Date();
    const ticket = {
      ...EMPTY_TICKET_SLA, status: 'new' as TicketStatus, createdAt, firstResponseAt: null,
      queueId: fields.queueId ?? null, categoryId: fields.categoryId ?? null, priority: fields.priority ?? draft.priority, channel: draft.channel,
    };
    const columns = await this.recount(ticket, customerTags, categorySlug, createdAt, {});
    return { patch: columns, events: [] };
  }

  /** A loaded ticket's deadlines as of `now` under the policies and calendars in force (a recount after a configuration change). */
  deadlinesFor(context: TicketSlaContext, now: Date): Promise<TicketSlaColumns> {
    return this.recount(context.ticket, context.customerTags, context.categorySlug, now, {});
  }

  private policyOf(ticket: Pick<TicketEntity, 'queueId' | 'categoryId' | 'priority' | 'channel'>, customerTags: string[]) {
    return this.policies.policyFor({
      queueId: ticket.queueId, categoryId: ticket.categoryId, priority: ticket.priority, channel: ticket.channel, customerTags,
    });
  }

  private async recount(
    ticket: TicketSlaSnapshot & Pick<TicketEntity, 'queueId' | 'categoryId' | 'priority' | 'channel'>,
    customerTags: string[],
    categorySlug: string | null,
    now: Date,
    happened: { customerReplied?: boolean; customerRepliedAt?: Date; agentReplied?: boolean },
  ): Promise<TicketSlaColumns> {
    const policy = await this.policies.policyFor({
      queueId: ticket.queueId, categoryId: ticket.categoryId, priority: ticket.priority, channel: ticket.channel, customerTags,
    });
    const calendar = await this.policies.calendarFor(policy ?? { calendarId: null });
    return recomputeTicketSla({ ticket, policy, calendar, complaint: categorySlug === COMPLAINT_CATEGORY_SLUG, now, ...happened });
  }
}

/** Only the columns that differ, so a change that moves nothing writes nothing. */
export function changedColumns(before: TicketEntity, after: TicketSlaColumns): Partial<TicketEntity> {
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = (before as unknown as Record<string, unknown>)[key];
    const same = value instanceof Date || old instanceof Date ? (value as Date | null)?.getTime() === (old as Date | null)?.getTime() : JSON.stringify(value) === JSON.stringify(old);
    if (!same) patch[key] = value;
  }
  return patch as Partial<TicketEntity>;
}
