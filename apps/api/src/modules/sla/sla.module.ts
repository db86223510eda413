import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Role } from '../../core/config/app-config.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { CalendarsController } from './calendars.controller.js';
import { CalendarsRepository } from './calendars.repository.js';
import { CalendarsService } from './calendars.service.js';
import { CalendarEntity } from './entities/calendar.entity.js';
import { SlaPolicyEntity } from './entities/sla-policy.entity.js';
import { SlaSweepProcessor } from './jobs/sla-sweep.processor.js';
import { SlaConfigCache } from './sla-config.cache.js';
import { SlaPoliciesController } from './sla-policies.controller.js';
import { SlaPolicyReadsModule } from './sla-policy-reads.module.js';
import { SlaRecountRequests } from './sla-recount-requests.js';
import { SlaRecountRepository } from './sla-recount.repository.js';
import { SlaRecountService } from './sla-recount.service.js';
import { SlaPoliciesService } from './sla-policies.service.js';
import { SLA_SWEEP_QUEUE } from './sla-queues.js';
import { SlaSweepService } from './sla-sweep.service.js';
import { TicketSlaRepository } from './ticket-sla.repository.js';
import { TicketSlaService } from './ticket-sla.service.js';

/**
 * SLA: business calendars and SLA policies (which one applies to a ticket,
 * on which calendar, by when), and the deadlines on tickets. Every process
 * that changes tickets (the API and the mail workers) keeps them up to date
 * through the tickets' automation hook; the admin API comes with the `api`
 * role, the sweep that records warnings and breaches with the `worker` role.
 */
@Module({})
export class SlaModule {
  static forRoles(roles: readonly Role[]): DynamicModule {
    const controllers: Type[] = roles.includes('api') ? [CalendarsController, SlaPoliciesController] : [];
    const roleProviders: Provider[] = roles.includes('worker') ? [SlaSweepService, SlaRecountRepository, SlaRecountService, SlaSweepProcessor] : [];
    return {
      module: SlaModule,
      imports: [TypeOrmModule.forFeature([CalendarEntity, SlaPolicyEntity]), SlaPolicyReadsModule, BullModule.registerQueue({ name: SLA_SWEEP_QUEUE }), TicketsModule],
      controllers,
      providers: [
        CalendarsRepository, SlaConfigCache, CalendarsService, SlaPoliciesService, SlaRecountRequests, TicketSlaRepository, TicketSlaService,
        ...roleProviders,
      ],
      exports: [SlaPoliciesService, TicketSlaService],
    };
  }
}
