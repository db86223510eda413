import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueuesModule } from '../queues/queues.module.js';
import { TicketAccessModule } from '../tickets/ticket-access.module.js';
import { TemplateEntity } from './entities/template.entity.js';
import { TemplateSuggestionsController } from './template-suggestions.controller.js';
import { TemplateValueSources } from './template-value-sources.js';
import { TemplatesController } from './templates.controller.js';
import { TemplatesRepository } from './templates.repository.js';
import { TemplatesService } from './templates.service.js';

/**
 * Templates (canned responses). Imports nothing of the tickets module but its
 * access policy (the tickets module imports this one for replies with a template); rules render through
 * TemplatesService.renderForTicket inside their own transaction.
 */
@Module({
  imports: [TypeOrmModule.forFeature([TemplateEntity]), QueuesModule, TicketAccessModule],
  controllers: [TemplatesController, TemplateSuggestionsController],
  providers: [TemplatesRepository, TemplatesService, TemplateValueSources],
  exports: [TemplatesService, TemplateValueSources],
})
export class TemplatesModule {}
