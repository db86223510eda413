import { Injectable } from '@nestjs/common';
import type { AutomationReportDto } from './dtos/automation-report.dto.js';
import { ReportRangeDto } from './dtos/report-range.dto.js';
import type { ReportParams } from './report-params.js';
import { percentOf, type ReportTable } from './report-table.js';
import { ReportsRepository } from './reports.repository.js';

/** What the rules did in the range: tickets answered and routed automatically, and each rule's activity. */
@Injectable()
export class AutomationReportService {
  constructor(private readonly repository: ReportsRepository) {}

  async report(p: ReportParams): Promise<AutomationReportDto> {
    const [created, activity, rules] = await Promise.all([this.repository.createdCount(p), this.repository.automation(p), this.repository.rules()]);
    const names = new Map(rules.map((r) => [r.id, r.name]));
    return {
      range: ReportRangeDto.from(p),
      ticketsCreated: created,
      autoAnswered: activity.answered,
      autoAnsweredPercent: percentOf(activity.answered, created),
      autoRouted: activity.routed,
      autoRoutedPercent: percentOf(activity.routed, created),
      ticketsTouched: activity.touched,
      rules: activity.rules
        .map((r) => ({ ruleId: r.ruleId, name: names.get(r.ruleId) ?? r.ruleName, tickets: r.tickets, firings: r.firings, skippedActions: r.skipped }))
        .sort((a, b) => b.tickets - a.tickets || (a.name ?? '').localeCompare(b.name ?? '')),
    };
  }

  table(report: AutomationReportDto): ReportTable {
    return {
      header: ['section', 'rule_id', 'name', 'tickets', 'percent_of_created', 'firings', 'skipped_actions'],
      rows: [
        ['tickets_created', null, null, report.ticketsCreated, null, null, null],
        ['auto_answered', null, null, report.autoAnswered, report.autoAnsweredPercent, null, null],
        ['auto_routed', null, null, report.autoRouted, report.autoRoutedPercent, null, null],
        ['touched_by_rules', null, null, report.ticketsTouched, null, null, null],
        ...report.rules.map((r) => ['rule', r.ruleId, r.name, r.tickets, null, r.firings, r.skippedActions]),
      ],
    };
  }
}
