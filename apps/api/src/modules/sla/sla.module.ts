import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarsController } from './calendars.controller.js';
import { CalendarsRepository } from './calendars.repository.js';
import { CalendarsService } from './calendars.service.js';
import { CalendarEntity } from './entities/calendar.entity.js';
import { SlaPolicyEntity } from './entities/sla-policy.entity.js';
import { SlaConfigCache } from './sla-config.cache.js';
import { SlaPoliciesController } from './sla-policies.controller.js';
import { SlaPoliciesRepository } from './sla-policies.repository.js';
import { SlaPoliciesService } from './sla-policies.service.js';

/**
 * SLA: business calendars and SLA policies (which one applies to a ticket,
 * on which calendar, by when). Depends on no other module; the ticket side
 * asks SlaPoliciesService (`policyFor`, `calendarFor`, `deadlinesFor`).
 */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarEntity, SlaPolicyEntity])],
  controllers: [CalendarsController, SlaPoliciesController],
  providers: [CalendarsRepository, SlaPoliciesRepository, SlaConfigCache, CalendarsService, SlaPoliciesService],
  exports: [SlaPoliciesService],
})
export class SlaModule {}
