import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailOutboxModule } from '../mail-outbox/mail-outbox.module.js';
import { SettingsModule } from '../settings/settings.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { SurveyEntity } from './entities/survey.entity.js';
import { SurveyLinkService } from './survey-link.service.js';
import { SurveyPageController } from './survey-page.controller.js';
import { SurveySenderService } from './survey-sender.service.js';
import { SurveysController } from './surveys.controller.js';
import { SurveyReadsModule } from './survey-reads.module.js';
import { SurveysService } from './surveys.service.js';

/**
 * Satisfaction surveys after closing: the rules send them (SurveySenderService),
 * customers answer them through the signed link, on the page at /survey/<token>
 * or through the public JSON API under /api/v1/surveys.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SurveyEntity]), SurveyReadsModule, SettingsModule, MailOutboxModule, TicketsModule],
  controllers: [SurveysController, SurveyPageController],
  providers: [SurveyLinkService, SurveySenderService, SurveysService],
  exports: [SurveySenderService],
})
export class SurveysModule {}
