import { Injectable, Logger } from '@nestjs/common';
import type { Rule } from '@okienko/routing';
import { TicketAutomationHooks } from '../tickets/automation/ticket-automation.hooks.js';
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
    // The SLA triggers fire once tickets carry SLA deadlines.
    const timed = (await this.cache.get()).filter((r) => r.trigger === 'time_in_status');
    for (const rule of timed) fired += await this.sweepRule(rule, now);
    for (const id of await this.repository.pendingWebhookIds(500)) await this.effects.enqueueWebhook(id);
    if (fired) this.logger.log(`time-based rules fired ${fired} times`);
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
        return this.runner.runTimed(manager, ticket, rule, { hoursInStatus: (now.getTime() - ticket.statusChangedAt.getTime()) / HOUR_MS });
      });
      await this.hooks.afterCommit(afterCommit);
    }
    return fired;
  }
}
