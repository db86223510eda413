import { Module } from '@nestjs/common';
import { AutomationReportService } from './automation-report.service.js';
import { ReportChannelsRepository } from './report-channels.repository.js';
import { CallsReportRepository } from './calls-report.repository.js';
import { CallsReportService } from './calls-report.service.js';
import { ContactReasonsReportService } from './contact-reasons-report.service.js';
import { InboundMailsReportService } from './inbound-mails-report.service.js';
import { LoadReportService } from './load-report.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsRepository } from './reports.repository.js';
import { ReportsService } from './reports.service.js';
import { ResponseTimesReportService } from './response-times-report.service.js';
import { SatisfactionReportService } from './satisfaction-report.service.js';
import { SlaReportService } from './sla-report.service.js';
import { VolumeReportService } from './volume-report.service.js';

/**
 * Reports for admins (`/reports/...`): read-only aggregates over tickets,
 * events, messages, inbound mails and surveys, as JSON or CSV.
 */
@Module({
  controllers: [ReportsController],
  providers: [
    ReportsRepository, ReportsService, VolumeReportService, InboundMailsReportService, ResponseTimesReportService, SlaReportService,
    LoadReportService, ContactReasonsReportService, AutomationReportService, SatisfactionReportService,
    CallsReportRepository, CallsReportService, ReportChannelsRepository,
  ],
})
export class ReportsModule {}
