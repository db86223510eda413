import { Injectable, Logger } from '@nestjs/common';
import type { Rule } from '@okienko/routing';
import { TicketAutomationHooks } from '../tickets/automation/ticket-automation.hooks.js';
import { nearestDueAt } from '../tickets/ticket-sla-view.js';
import { EnabledRulesCache } from './enabled-rules.cache.js';
import { RuleEffectsService } from './rule-effects.service.js';
import { RuleRunnerService } from './rule-runner.service.js';
import { RulesRepository } from './rules.repository.js';

const HOUR_MS = 3_600_000;
/** Tickets handled per rule and sweep; the next sweep takes the rest. */
const BATCH = 200;

/**
 * The time-based rules: "3 days waiting for the customer → remind". Each
 * sweep finds the tickets a rule is due for and runs it once per stay in the
 * status (a ticket that leaves the status and comes back is due again). The
 * record of a firing is written in the same transaction as what the rule did,
 * so concurrent sweeps on several workers never fire a rule twice.
 */
@Injectable()
export class RulesSweepService {
  private readonly logger = new Logger('RulesSweep');

  constructor(
    private readonly cache: EnabledRulesCache,
    private readonly repository: RulesRepository,
    private readonly runner: RuleRunnerService,
    private readonly effects: RuleEffectsService,
    private readonly hooks: TicketAutomationHooks,
  ) {}

  async sweep(now = new Date()): Promise<number> {
    let fired = 0;
    const rules = (await this.cache.get()).list;
    for (const rule of rules.filter((r) => r.trigger === 'time_in_status')) fired += await this.sweepRule(rule, now);
    for (const rule of rules.filter((r) => r.trigger === 'sla_before_deadline' || r.trigger === 'sla_after_deadline')) fired += await this.sweepSlaRule(rule, now);
    for (const id of await this.repository.pendingWebhookIds(500)) await this.effects.enqueueWebhook(id);
    if (fired) this.logger.log(`time-based rules fired ${fired} times`);
    return fired;
  }

  /**
   * An SLA rule ("1 hour before the deadline", "2 hours past it") runs once per
   * ticket and deadline: the nearest running deadline, recorded as the firing's
   * key; a deadline that moves (a pause, a new next-response cycle) is a new one.
   */
  private async sweepSlaRule(rule: Rule, now: Date): Promise<number> {
    const hours = rule.triggerParams?.hours ?? 0;
    const before = rule.trigger === 'sla_before_deadline';
    let fired = 0;
    for (const ticketId of await this.repository.ticketsDueForSla(rule.id, before ? 'sla_before_deadline' : 'sla_after_deadline', hours, now, BATCH)) {
      const afterCommit = await this.repository.transaction(async (manager) => {
        const ticket = await this.repository.lockedTicket(manager, ticketId);
        // It may have moved on since it was found.
        const due = ticket && !ticket.slaPausedSince ? nearestDueAt(ticket) : null;
        if (!ticket || !due) return [];
        const hoursUntil = (due.getTime() - now.getTime()) / HOUR_MS;
        if (before ? hoursUntil <= 0 || hoursUntil > hours : -hoursUntil < hours) return [];
        if (!(await this.repository.recordKeyedFiring(manager, rule.id, ticketId, `sla:${due.toISOString()}`))) return [];
        fired += 1;
        const tasks = await this.runner.runTimed(manager, ticket, rule, before ? { hoursUntilDeadline: hoursUntil } : { hoursPastDeadline: -hoursUntil });
        const sla = await this.hooks.afterRules(manager, { ticketId, trigger: null, messageId: null, statusBefore: ticket.status });
        return [...tasks, ...sla];
      });
      await this.hooks.afterCommit(afterCommit);
    }
    return fired;
  }

  private async sweepRule(rule: Rule, now: Date): Promise<number> {
    const hours = rule.triggerParams?.hours ?? 0;
    const status = rule.triggerParams?.status;
    if (!status) return 0;
    const cutoff = new Date(now.getTime() - hours * HOUR_MS);
    let fired = 0;
    for (const ticketId of await this.repository.ticketsDueInStatus(rule.id, status, cutoff, BATCH)) {
      const afterCommit = await this.repository.transaction(async (manager) => {
        const ticket = await this.repository.lockedTicket(manager, ticketId);
        // It may have moved on since it was found.
        if (!ticket || ticket.status !== status || ticket.statusChangedAt > cutoff) return [];
        if (!(await this.repository.recordFiring(manager, rule.id, ticketId))) return [];
        fired += 1;
        const tasks = await this.runner.runTimed(manager, ticket, rule, { hoursInStatus: (now.getTime() - ticket.statusChangedAt.getTime()) / HOUR_MS });
        // What the rule changed (e.g. closed the ticket) moves the SLA deadlines in the same transaction.
        const sla = await this.hooks.afterRules(manager, { ticketId, trigger: null, messageId: null, statusBefore: ticket.status });
        return [...tasks, ...sla];
      });
      await this.hooks.afterCommit(afterCommit);
    }
    return fired;
  }
}
