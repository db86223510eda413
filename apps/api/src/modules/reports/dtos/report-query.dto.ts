import { ApiPropertyOptional } from '@nestjs/swagger';
import { REPORT_GROUPINGS, TICKET_CHANNELS, TICKET_PRIORITIES, type ReportGrouping, type TicketChannel, type TicketPriority } from '@okienko/domain';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The filters every report takes (query parameters). */
export class ReportQueryDto {
  @ApiPropertyOptional({ description: 'First day of the range, YYYY-MM-DD, inclusive (default: 29 days before `to`).', example: '2026-01-01' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string;

  @ApiPropertyOptional({ description: 'Last day of the range, YYYY-MM-DD, inclusive (default: today in `tz`).', example: '2026-12-31' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string;

  @ApiPropertyOptional({ description: 'IANA time zone the dates and buckets are read in (default: the installation\'s, Europe/Warsaw).', example: 'Europe/Warsaw' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tz?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only tickets now in this queue.' })
  @IsOptional()
  @IsUUID()
  queueId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only tickets now in this category.' })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ enum: TICKET_CHANNELS, description: 'Only tickets that came through this channel.' })
  @IsOptional()
  @IsIn(TICKET_CHANNELS)
  channel?: TicketChannel;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only tickets now assigned to this agent.' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, description: 'Only tickets with this priority.' })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ enum: REPORT_GROUPINGS, default: 'day', description: 'Buckets: local days, ISO weeks (from Monday) or months.' })
  @IsOptional()
  @IsIn(REPORT_GROUPINGS)
  groupBy?: ReportGrouping;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: '`csv`: the report as a CSV file (UTF-8 with BOM, CRLF, RFC 4180 quoting).' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
