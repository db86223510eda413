import { ApiProperty } from '@nestjs/swagger';
import { ReportRangeDto } from './report-range.dto.js';

export class ComplianceDto {
  @ApiProperty({ description: 'Targets met.' }) met!: number;
  @ApiProperty({ description: 'Targets missed (breached, or met late).' }) missed!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'met / (met + missed) in %, one decimal; null when nothing is decided yet.' })
  compliancePercent!: number | null;
}

export class SlaTargetCountsDto {
  @ApiProperty() firstResponse!: number;
  @ApiProperty() nextResponse!: number;
  @ApiProperty() resolution!: number;
}

export class SlaPolicyReportDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null in the totals row.' })
  policyId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Domyślna' })
  policyName!: string | null;

  @ApiProperty({ description: 'Tickets created in the range under the policy.' })
  tickets!: number;

  @ApiProperty({ type: ComplianceDto })
  firstResponse!: ComplianceDto;

  @ApiProperty({ type: ComplianceDto })
  resolution!: ComplianceDto;

  @ApiProperty({ type: SlaTargetCountsDto, description: 'Tickets whose target the sweep recorded as breached in the range (next response: its latest cycle).' })
  breaches!: SlaTargetCountsDto;

  @ApiProperty({ type: SlaTargetCountsDto, description: 'Unresolved tickets now past a warning and not breached, per target.' })
  atRisk!: SlaTargetCountsDto;

  @ApiProperty({ description: 'Unresolved tickets now at risk (any target).' })
  atRiskTickets!: number;
}

export class StatutoryReportDto {
  @ApiProperty({ description: 'Complaints whose statutory deadline (14 days) falls in the range.' }) total!: number;
  @ApiProperty({ description: 'Resolved or closed by the deadline.' }) met!: number;
  @ApiProperty({ description: 'Breached, or resolved after the deadline.' }) missed!: number;
  @ApiProperty({ description: 'Still running.' }) pending!: number;
  @ApiProperty({ type: Number, nullable: true }) compliancePercent!: number | null;
}

export class SlaReportDto {
  @ApiProperty({ type: ReportRangeDto })
  range!: ReportRangeDto;

  @ApiProperty({ type: [SlaPolicyReportDto], description: 'Every SLA policy in order, and policies of the range since deleted.' })
  policies!: SlaPolicyReportDto[];

  @ApiProperty({ type: SlaPolicyReportDto, description: 'All policies together.' })
  total!: SlaPolicyReportDto;

  @ApiProperty({ type: StatutoryReportDto })
  statutory!: StatutoryReportDto;
}
