import { Injectable } from '@nestjs/common';
import { runRules, type CompiledRules, type Rule, type RuleRunResult, type RuleTiming, type RuleTrigger } from '@okienko/routing';
import type { EntityManager } from 'typeorm';
import {
  RULES_AUTOMATION, TicketAutomationHooks, type AfterCommit, type NewTicketDraft, type NewTicketPlan, type TicketAutomation, type TicketChange,
} from '../tickets/automation/ticket-automation.hooks.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { TicketsRepository, type NewTicketEvent } from '../tickets/tickets.repository.js';
import { EnabledRulesCache } from './enabled-rules.cache.js';
import { RuleEffectsService } from './rule-effects.service.js';
import { ruleChanges } from './rule-changes.js';
import { RuleFactsService, rulesUseFormFields, rulesUseOrderStatus } from './rule-facts.service.js';
import { RulesRepository } from './rules.repository.js';

/** Only the rules that applied are recorded (with why they matched): rules that did not match are not explained. */
const RUN_OPTIONS = Object.freeze({ explainSkipped: false });

/**
 * Runs the rules on every ticket change, inside the change's transaction:
 * what the rules set and every action they took is written with the change,
 * each as an audit event naming the rule, and the explanation of why a rule
 * matched is kept on the ticket.
 */
@Injectable()
export class RuleRunnerService implements TicketAutomation {
  readonly name = RULES_AUTOMATION;

  constructor(
    private readonly hooks: TicketAutomationHooks,
    private readonly cache: EnabledRulesCache,
    private readonly facts: RuleFactsService,
    private readonly effects: RuleEffectsService,
    private readonly rules: RulesRepository,
    private readonly tickets: TicketsRepository,
  ) {}

  async onChange(manager: EntityManager, change: TicketChange): Promise<AfterCommit[]> {
    const { compiled: rules } = await this.cache.get();
    if (rules.size === 0) return [];
    const ticket = await this.rules.ticket(manager, change.ticketId);
    if (!ticket) return [];
    const automatedMessage = change.messageId ? (await this.rules.message(manager, change.messageId))?.automated ?? false : false;
    return this.runTriggers(manager, ticket, rules, change.trigger ? [change.trigger] : [], change.statusBefore, {
      messageId: change.messageId,
      automatedMessage,
    });
  }

  async planNewTicket(draft: NewTicketDraft): Promise<NewTicketPlan | null> {
    const { compiled: rules, list } = await this.cache.get();
    if (rules.rulesFor('ticket_created').length === 0) return { patch: {}, events: [] };
    // The order's status is asked of the shops on the general path, where the rules see the ticket as written.
    if (rulesUseOrderStatus(list)) return null;
    // A form's values are read for the rules on the general path (the submission being filed).
    if (draft.channel === 'web_form' && rulesUseFormFields(list)) return null;
    const facts = this.facts.forDraft(draft);
    const result = runRules(rules, 'ticket_created', facts, {}, RUN_OPTIONS);
    // An assignment notifies the agent (notifications are written on the general path, with the audit events).
    if (result.effects.length > 0 || result.finalFacts.status !== 'new' || result.finalFacts.assigneeId) return null;
    let ticket = {
      id: '', status: 'new', priority: draft.priority, queueId: draft.queueId, categoryId: draft.categoryId, assigneeId: null, tags: [],
    } as unknown as TicketEntity;
    const patch: NewTicketPlan['patch'] = {};
    const events: NewTicketEvent[] = [];
    for (const applied of result.applied) {
      const changes = ruleChanges(ticket, 'ticket_created', applied);
      Object.assign(patch, changes.patch);
      events.push(...changes.events);
      ticket = { ...ticket, ...changes.patch } as TicketEntity;
    }
    return { patch, events };
  }

  /**
   * Runs one time-based rule for a ticket it is due for (the sweep found it),
   * then what its status change fires.
   */
  async runTimed(manager: EntityManager, ticket: TicketEntity, rule: Rule, timing: RuleTiming): Promise<AfterCommit[]> {
    const { compiled: all } = await this.cache.get();
    return this.runTriggers(manager, ticket, all, [], ticket.status, { messageId: null, automatedMessage: false }, { rule, timing });
  }

  private async runTriggers(
    manager: EntityManager,
    initial: TicketEntity,
    rules: CompiledRules,
    triggers: RuleTrigger[],
    statusBefore: TicketEntity['status'] | null,
    context: { messageId: string | null; automatedMessage: boolean },
    timed?: { rule: Rule; timing: RuleTiming },
  ): Promise<AfterCommit[]> {
    let ticket = initial;
    const patch: Partial<TicketEntity> = {};
    const events: NewTicketEvent[] = [];
    const afterCommit: AfterCommit[] = [];
    // A status change fires `status_changed` (and `ticket_closed`); each trigger runs at most once per change, so rules cannot loop.
    const ran = new Set<RuleTrigger>();
    let statusSeen = statusBefore;
    const pending = [...triggers];

    // Before an automatic answer is written, the ticket as the rules have set it so far is stored and its deadlines
    // counted (the SLA runs again after the rules), so the answer's placeholders tell the customer the real ones.
    const settle = async (changedHere: Partial<TicketEntity>) => {
      const changedSoFar = { ...patch, ...changedHere };
      if (Object.keys(changedSoFar).length > 0) await this.tickets.updateTicket(manager, ticket.id, changedSoFar);
      afterCommit.push(...(await this.hooks.afterRules(manager, { ticketId: ticket.id, trigger: null, messageId: null, statusBefore: null })));
    };
    const run = async (trigger: RuleTrigger, ruleSet: CompiledRules | readonly Rule[], timing: RuleTiming = {}) => {
      ran.add(trigger);
      const facts = await this.facts.forTicket(manager, ticket, context.messageId);
      const result = runRules(ruleSet, trigger, facts, timing, RUN_OPTIONS);
      const applied = await this.apply(manager, ticket, trigger, result, context.automatedMessage, settle);
      Object.assign(patch, applied.patch);
      events.push(...applied.events);
      afterCommit.push(...applied.afterCommit);
      ticket = { ...ticket, ...applied.patch } as TicketEntity;
    };
    const deriveFromStatus = () => {
      if (ticket.status === statusSeen) return;
      if (!ran.has('status_changed')) pending.push('status_changed');
      if (ticket.status === 'closed' && statusSeen !== 'closed' && !ran.has('ticket_closed')) pending.push('ticket_closed');
      statusSeen = ticket.status;
    };

    if (timed) await run(timed.rule.trigger, [{ ...timed.rule, enabled: true }], timed.timing);
    deriveFromStatus();
    while (pending.length > 0) {
      const trigger = pending.shift()!;
      if (ran.has(trigger)) continue;
      await run(trigger, rules);
      deriveFromStatus();
    }

    if (Object.keys(patch).length > 0) await this.tickets.updateTicket(manager, ticket.id, { ...patch, updatedAt: new Date() });
    await this.tickets.insertEvents(manager, events);
    return afterCommit;
  }

  /** Writes what the matching rules set, one event per change naming the rule, then carries out their other actions. */
  private async apply(
    manager: EntityManager,
    start: TicketEntity,
    trigger: RuleTrigger,
    result: RuleRunResult,
    automatedMessage: boolean,
    settle: (changedHere: Partial<TicketEntity>) => Promise<void>,
  ): Promise<{ patch: Partial<TicketEntity>; events: NewTicketEvent[]; afterCommit: AfterCommit[] }> {
    let ticket = start;
    const patch: Partial<TicketEntity> = {};
    const events: NewTicketEvent[] = [];
    const afterCommit: AfterCommit[] = [];
    for (const applied of result.applied) {
      const { patch: rulePatch, events: ruleEvents } = ruleChanges(ticket, trigger, applied);
      events.push(...ruleEvents);
      Object.assign(patch, rulePatch);
      ticket = { ...ticket, ...rulePatch } as TicketEntity;

      for (const effect of result.effects.filter((e) => e.ruleId === applied.ruleId)) {
        if (effect.action.type === 'reply_with_template') await settle(patch);
        const outcome = await this.effects.execute(manager, ticket, effect, { trigger, automatedMessage });
        Object.assign(patch, outcome.patch);
        events.push(...outcome.events);
        afterCommit.push(...outcome.afterCommit);
        ticket = { ...ticket, ...outcome.patch } as TicketEntity;
      }
    }
    return { patch, events, afterCommit };
  }
}
