import { Inject, Injectable } from '@nestjs/common';
import { runRules, TIME_TRIGGERS, type FactChange, type Rule, type RuleEffect, type RuleTiming, type TicketFacts } from '@okienko/routing';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { QueuesService } from '../queues/queues.service.js';
import { TemplatesService } from '../templates/templates.service.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import type { DryRunDto } from './dtos/dry-run.dto.js';
import type { DryRunActionDto, DryRunChangeDto, DryRunItemDto, DryRunResultDto } from './dtos/dry-run-result.dto.js';
import { RuleFactsService, rulesUseOrderStatus } from './rule-facts.service.js';
import { RulesRepository } from './rules.repository.js';

const HOUR_MS = 3_600_000;

/**
 * What a rule would do, before it is switched on: tried on a sample message or
 * on the newest tickets, it reports per ticket whether it matches, why, which
 * fields it would change (with names, not only ids) and what else it would do,
 * with the automatic answer rendered. Nothing is written.
 */
@Injectable()
export class RulesDryRunService {
  constructor(
    private readonly rules: RulesRepository,
    private readonly facts: RuleFactsService,
    private readonly queues: QueuesService,
    private readonly templates: TemplatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(rule: Rule, options: DryRunDto): Promise<DryRunResultDto> {
    const trial: Rule = { ...rule, enabled: true };
    const items: DryRunItemDto[] = [];
    const manager = this.rules.manager;
    if (options.sample) {
      const sample = options.sample;
      const facts = this.facts.forSample(
        { subject: sample.subject, body: sample.body, senderAddress: sample.from, inboundAddresses: sample.to ? [sample.to] : [], hasAttachments: sample.hasAttachments ?? false },
        await this.queues.resolveQueueId(undefined),
      );
      items.push(await this.evaluate(manager, trial, facts, null, {}));
    }
    if (options.lastTickets !== undefined || !options.sample) {
      for (const id of await this.rules.recentTicketIds(options.lastTickets ?? 20)) {
        const ticket = await this.rules.ticket(manager, id);
        if (!ticket) continue;
        const messageId = trial.trigger === 'customer_replied' ? await this.rules.latestInboundMessageId(manager, ticket.id) : null;
        const facts = await this.facts.forTicket(manager, ticket, messageId, undefined, rulesUseOrderStatus([trial]));
        items.push(await this.evaluate(manager, trial, facts, ticket, this.timing(trial, ticket)));
      }
    }
    return { evaluated: items.length, matched: items.filter((i) => i.matched).length, items };
  }

  private async evaluate(manager: EntityManager, rule: Rule, facts: TicketFacts, ticket: TicketEntity | null, timing: RuleTiming): Promise<DryRunItemDto> {
    const result = runRules([rule], rule.trigger, facts, timing);
    const summary = ticket ? { id: ticket.id, number: ticket.number, subject: ticket.subject } : null;
    const applied = result.applied[0];
    if (!applied) {
      const skipped = result.skipped[0];
      return {
        ticket: summary, matched: false, explanation: skipped?.explanation ?? [], changes: [], actions: [],
        ...(skipped?.reason === 'not_due' ? { reason: 'not_due' } : {}),
      };
    }
    return {
      ticket: summary,
      matched: true,
      explanation: applied.explanation,
      changes: await this.labelled(applied.changes),
      actions: await Promise.all(result.effects.map((effect) => this.describe(manager, effect, ticket))),
    };
  }

  private async labelled(changes: readonly FactChange[]): Promise<DryRunChangeDto[]> {
    const tables = { queueId: 'queues', categoryId: 'categories', assigneeId: 'users' } as const;
    const out: DryRunChangeDto[] = [];
    for (const change of changes) {
      const table = tables[change.field as keyof typeof tables];
      const names = table ? await this.rules.labels(table, [change.from, change.to].filter((v): v is string => v !== null)) : new Map<string, string>();
      out.push({
        field: change.field, from: change.from, to: change.to,
        fromLabel: change.from === null ? null : (names.get(change.from) ?? (table ? null : change.from)),
        toLabel: change.to === null ? null : (names.get(change.to) ?? (table ? null : change.to)),
      });
    }
    return out;
  }

  private async describe(manager: EntityManager, effect: RuleEffect, ticket: TicketEntity | null): Promise<DryRunActionDto> {
    const action = effect.action;
    const queueName = effect.queueId ? ((await this.rules.labels('queues', [effect.queueId])).get(effect.queueId) ?? effect.queueId) : null;
    switch (action.type) {
      case 'assign_by_strategy':
        return {
          type: action.type, params: { queue: queueName },
          description: queueName ? `Would assign an agent of the queue „${queueName}” by its strategy.` : 'Would assign by strategy, but the ticket has no queue.',
        };
      case 'add_note':
        return { type: action.type, params: {}, description: 'Would add an internal note.', preview: { body: action.body } };
      case 'reply_with_template': {
        if (!ticket) {
          const title = await this.rules.templateTitle(action.templateId);
          return { type: action.type, params: { template: title ?? action.templateId }, description: `Would answer the customer with the template „${title ?? action.templateId}”.` };
        }
        const rendered = await this.templates.renderForTicket(manager, action.templateId, ticket.id, null, { preview: true });
        return {
          type: action.type,
          params: { template: rendered.title },
          description: `Would answer the customer with the template „${rendered.title}” (not to automated senders).`,
          preview: { subject: rendered.subject ?? `Re: ${ticket.subject}`, body: rendered.body },
        };
      }
      case 'notify': {
        const recipients =
          action.target === 'queue' && effect.queueId ? (await this.rules.queueMembers(manager, effect.queueId)).map((u) => u.email)
          : action.target === 'lead' && effect.queueId ? [(await this.rules.queueLead(manager, effect.queueId))?.email].filter(Boolean)
          : action.target === 'assignee' && effect.assigneeId ? [(await this.rules.activeUser(manager, effect.assigneeId))?.email].filter(Boolean)
          : action.target === 'user' && action.userId ? [(await this.rules.activeUser(manager, action.userId))?.email].filter(Boolean)
          : [];
        return {
          type: action.type,
          params: { recipients: recipients as string[], target: action.target },
          description: recipients.length ? `Would notify ${recipients.join(', ')} by mail.` : `Would notify the ${action.target}, but nobody would receive it.`,
          preview: { to: recipients },
        };
      }
      case 'forward_copy':
        return { type: action.type, params: { address: action.address }, description: `Would forward a copy to ${action.address}.` };
      case 'call_webhook':
        return { type: action.type, params: { url: action.url }, description: `Would call the webhook ${action.url}.` };
      case 'send_survey':
        return {
          type: action.type,
          params: { kind: action.kind, days: this.config.surveyLinkDays },
          description: `Would send the customer a ${action.kind.toUpperCase()} survey (${action.kind === 'csat' ? '1–5' : '0–10'}) with a link valid for ${this.config.surveyLinkDays} days (one per ticket, not to automated senders).`,
        };
    }
  }

  private timing(rule: Rule, ticket: TicketEntity): RuleTiming {
    if (!TIME_TRIGGERS.includes(rule.trigger)) return {};
    return { hoursInStatus: (Date.now() - ticket.statusChangedAt.getTime()) / HOUR_MS };
  }
}
