import { Module } from '@nestjs/common';
import { SurveysRepository } from './surveys.repository.js';

/**
 * The surveys' table, on its own: the surveys module works with it, and the
 * ticket read shows a ticket's survey through it without depending on the
 * surveys module (which depends on tickets).
 */
@Module({
  providers: [SurveysRepository],
  exports: [SurveysRepository],
})
export class SurveyReadsModule {}
