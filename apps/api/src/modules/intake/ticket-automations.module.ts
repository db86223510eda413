import { DynamicModule, Module } from '@nestjs/common';
import type { Role } from '../../core/config/app-config.js';
import { AmazonMailModule } from '../marketplaces/amazon/amazon-mail.module.js';
import { AmazonRelayAutomation } from '../marketplaces/amazon/amazon-relay.automation.js';
import { RuleRunnerService } from '../rules/rule-runner.service.js';
import { RulesModule } from '../rules/rules.module.js';
import { TicketSlaService } from '../sla/ticket-sla.service.js';
import { SlaModule } from '../sla/sla.module.js';
import { TICKET_AUTOMATIONS, type TicketAutomation } from '../tickets/automation/ticket-automation.hooks.js';

/**
 * The automations every ticket change runs through, in this order, in the
 * change's own transaction: Amazon's relay mail recognised first (so rules
 * can match its tags), then the rules (they set fields, send answers,
 * call webhooks), then the SLA (it recounts the deadlines from the fields as
 * the rules left them). This list is the only place the order is written.
 */
export const AUTOMATIONS_IN_ORDER = [AmazonRelayAutomation, RuleRunnerService, TicketSlaService] as const;

/**
 * Loads the rules and the SLA for the roles of the process and provides
 * their ordered list as `TICKET_AUTOMATIONS`, which the tickets' automation
 * hooks read (tickets never import the rules or SLA modules).
 */
@Module({})
export class TicketAutomationsModule {
  static forRoles(roles: readonly Role[]): DynamicModule {
    return {
      module: TicketAutomationsModule,
      imports: [AmazonMailModule, RulesModule.forRoles(roles), SlaModule.forRoles(roles)],
      providers: [
        {
          provide: TICKET_AUTOMATIONS,
          useFactory: (...automations: TicketAutomation[]): readonly TicketAutomation[] => Object.freeze(automations),
          inject: [...AUTOMATIONS_IN_ORDER],
        },
      ],
      exports: [TICKET_AUTOMATIONS],
    };
  }
}
