import { Injectable } from '@nestjs/common';
import { ReportRangeDto } from './dtos/report-range.dto.js';
import type { SlaPolicyReportDto, SlaReportDto } from './dtos/sla-report.dto.js';
import type { ReportParams } from './report-params.js';
import { percentOf, type ReportTable } from './report-table.js';
import { ReportsRepository, type AtRiskRow, type SlaPolicyRow } from './reports.repository.js';

const compliance = (met: number, missed: number) => ({ met, missed, compliancePercent: percentOf(met, met + missed) });

/**
 * SLA compliance per policy for the tickets created in the range (first
 * response and resolution met or missed), the breaches recorded in the range,
 * the tickets at risk now, and the statutory complaint deadlines of the range.
 */
@Injectable()
export class SlaReportService {
  constructor(private readonly repository: ReportsRepository) {}

  async report(p: ReportParams): Promise<SlaReportDto> {
    const [policies, compliances, breaches, atRisk, statutory] = await Promise.all([
      this.repository.slaPolicies(),
      this.repository.slaCompliance(p),
      this.repository.slaBreaches(p),
      this.repository.slaAtRisk(p),
      this.repository.statutory(p),
    ]);
    const ids = [...policies.map((x) => x.id!), ...[...compliances, ...atRisk, ...breaches].map((r) => r.policyId).filter((id): id is string => !!id)];
    const names = new Map(policies.map((x) => [x.id, x.name]));
    const rows = [...new Set(ids)].map((id) =>
      this.row(id, names.get(id) ?? null, compliances.filter((r) => r.policyId === id), breaches.filter((b) => b.policyId === id), atRisk.filter((r) => r.policyId === id)),
    );
    return {
      range: ReportRangeDto.from(p),
      policies: rows,
      total: this.row(null, null, compliances, breaches, atRisk),
      statutory: { ...statutory, compliancePercent: percentOf(statutory.met, statutory.met + statutory.missed) },
    };
  }

  private row(
    policyId: string | null, policyName: string | null, c: SlaPolicyRow[], b: { target: string; count: number }[], r: AtRiskRow[],
  ): SlaPolicyReportDto {
    const sum = <T>(rows: T[], pick: (row: T) => number) => rows.reduce((s, row) => s + pick(row), 0);
    const breachesOf = (target: string) => sum(b.filter((x) => x.target === target), (x) => x.count);
    return {
      policyId, policyName,
      tickets: sum(c, (x) => x.tickets),
      firstResponse: compliance(sum(c, (x) => x.firstResponseMet), sum(c, (x) => x.firstResponseMissed)),
      resolution: compliance(sum(c, (x) => x.resolutionMet), sum(c, (x) => x.resolutionMissed)),
      breaches: { firstResponse: breachesOf('firstResponse'), nextResponse: breachesOf('nextResponse'), resolution: breachesOf('resolution') },
      atRisk: { firstResponse: sum(r, (x) => x.firstResponse), nextResponse: sum(r, (x) => x.nextResponse), resolution: sum(r, (x) => x.resolution) },
      atRiskTickets: sum(r, (x) => x.tickets),
    };
  }

  table(report: SlaReportDto): ReportTable {
    const header = [
      'section', 'policy', 'tickets', 'first_response_met', 'first_response_missed', 'first_response_compliance_percent',
      'resolution_met', 'resolution_missed', 'resolution_compliance_percent', 'breaches_first_response', 'breaches_next_response',
      'breaches_resolution', 'at_risk_first_response', 'at_risk_next_response', 'at_risk_resolution', 'at_risk_tickets',
    ];
    const line = (section: string, r: SlaPolicyReportDto) => [
      section, r.policyName ?? r.policyId, r.tickets, r.firstResponse.met, r.firstResponse.missed, r.firstResponse.compliancePercent,
      r.resolution.met, r.resolution.missed, r.resolution.compliancePercent, r.breaches.firstResponse, r.breaches.nextResponse,
      r.breaches.resolution, r.atRisk.firstResponse, r.atRisk.nextResponse, r.atRisk.resolution, r.atRiskTickets,
    ];
    const s = report.statutory;
    return {
      header,
      rows: [
        ...report.policies.map((r) => line('policy', r)),
        line('total', report.total),
        // The statutory complaint deadline: met and missed in the resolution columns, the running ones as tickets at risk.
        ['statutory', 'statutory_complaint_deadline', s.total, null, null, null, s.met, s.missed, s.compliancePercent, null, null, null, null, null, null, s.pending],
      ],
    };
  }
}
