import { applyDecorators, Controller, Get, Query, Res, StreamableFile, type Type } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { AutomationReportService } from './automation-report.service.js';
import { CallsReportService } from './calls-report.service.js';
import { ContactReasonsReportService } from './contact-reasons-report.service.js';
import { AutomationReportDto } from './dtos/automation-report.dto.js';
import { CallsReportDto } from './dtos/calls-report.dto.js';
import { ContactReasonsReportDto } from './dtos/contact-reasons-report.dto.js';
import { InboundMailsReportDto } from './dtos/inbound-mails-report.dto.js';
import { LoadReportDto } from './dtos/load-report.dto.js';
import { ReportQueryDto } from './dtos/report-query.dto.js';
import { ResponseTimesReportDto } from './dtos/response-times-report.dto.js';
import { SatisfactionReportDto } from './dtos/satisfaction-report.dto.js';
import { SlaReportDto } from './dtos/sla-report.dto.js';
import { VolumeReportDto } from './dtos/volume-report.dto.js';
import { InboundMailsReportService } from './inbound-mails-report.service.js';
import { LoadReportService } from './load-report.service.js';
import { ResponseTimesReportService } from './response-times-report.service.js';
import { ReportsService, type ReportBuilder } from './reports.service.js';
import { SatisfactionReportService } from './satisfaction-report.service.js';
import { SlaReportService } from './sla-report.service.js';
import { VolumeReportService } from './volume-report.service.js';

/** The documentation every report route shares: JSON (the DTO) or CSV. */
function ReportRoute(summary: string, type: Type): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: `${summary} (format=csv: the same as a CSV file)` }),
    ApiProduces('application/json', 'text/csv'),
    ApiOkResponse({ type, description: 'The report; with `format=csv` a `text/csv` attachment `okienko-<report>-<from>-<to>.csv`.' }),
  );
}

@ApiTags('reports')
@ApiBearerAuth()
@Roles('admin')
@ApiBadRequestResponse({ description: 'A bad filter; `details.fields` names it (`from`, `to`, `tz`, `queueId`, …)', type: ErrorResponseDto })
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly volumeReport: VolumeReportService,
    private readonly inboundMailsReport: InboundMailsReportService,
    private readonly responseTimesReport: ResponseTimesReportService,
    private readonly slaReport: SlaReportService,
    private readonly loadReport: LoadReportService,
    private readonly contactReasonsReport: ContactReasonsReportService,
    private readonly automationReport: AutomationReportService,
    private readonly satisfactionReport: SatisfactionReportService,
    private readonly callsReport: CallsReportService,
  ) {}

  @Get('volume')
  @ReportRoute('Tickets created, resolved, closed and reopened per bucket, and the backlog at the end of each', VolumeReportDto)
  volume(@Query() query: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<VolumeReportDto | StreamableFile> {
    return this.send('volume', query, this.volumeReport, res);
  }

  @Get('inbound-mails')
  @ReportRoute('Incoming mails per inbound address per bucket', InboundMailsReportDto)
  inboundMails(@Query() query: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<InboundMailsReportDto | StreamableFile> {
    return this.send('inbound-mails', query, this.inboundMailsReport, res);
  }

  @Get('response-times')
  @ReportRoute('First response and resolution times (mean, median, p90, max) in calendar and business time, overall and per bucket', ResponseTimesReportDto)
  responseTimes(@Query() query: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<ResponseTimesReportDto | StreamableFile> {
    return this.send('response-times', query, this.responseTimesReport, res);
  }

  @Get('sla')
  @ReportRoute('SLA compliance per policy, breaches, tickets at risk now and statutory complaint deadlines', SlaReportDto)
  sla(@Query() query: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<SlaReportDto | StreamableFile> {
    return this.send('sla', query, this.slaReport, res);
  }

  @Get('load')
  @ReportRoute('Open tickets per agent and queue now; tickets resolved and replies written per agent', LoadReportDto)
  load(@Query() query: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<LoadReportDto | StreamableFile> {
    return this.send('load', query, this.loadReport, res);
  }

  @Get('contact-reasons')
  @ReportRoute('Share of each category and tag among the tickets created, and the reasons of complaints', ContactReasonsReportDto)
  contactReasons(@Query() query: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<ContactReasonsReportDto | StreamableFile> {
    return this.send('contact-reasons', query, this.contactReasonsReport, res);
  }

  @Get('automation')
  @ReportRoute('Tickets answered and routed by rules, and what each rule did', AutomationReportDto)
  automation(@Query() query: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<AutomationReportDto | StreamableFile> {
    return this.send('automation', query, this.automationReport, res);
  }

  @Get('satisfaction')
  @ReportRoute('Customer satisfaction: CSAT, NPS, response rate and the latest comments', SatisfactionReportDto)
  satisfaction(@Query() query: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<SatisfactionReportDto | StreamableFile> {
    return this.send('satisfaction', query, this.satisfactionReport, res);
  }

  @Get('calls')
  @ReportRoute(
    'Phone calls per queue and per agent: answered, missed, outbound and call-backs (outbound calls to a number whose call was missed earlier in the range); `queueId` and `assigneeId` (the agent) narrow it, the other ticket filters do not apply',
    CallsReportDto,
  )
  calls(@Query() query: ReportQueryDto, @Res({ passthrough: true }) res: Response): Promise<CallsReportDto | StreamableFile> {
    return this.send('calls', query, this.callsReport, res);
  }

  private async send<T>(name: string, query: ReportQueryDto, builder: ReportBuilder<T>, res: Response): Promise<T | StreamableFile> {
    const answer = await this.reports.answer(name, query, builder);
    if (answer.format === 'json') return answer.body;
    res.setHeader('Cache-Control', 'no-store');
    return new StreamableFile(Buffer.from(answer.body, 'utf8'), {
      type: 'text/csv; charset=utf-8', disposition: `attachment; filename="${answer.filename}"`,
    });
  }
}
