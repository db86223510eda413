import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_SLA_TARGET_MINUTES } from '@okienko/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsIsoInstant } from './iso-instant.js';

export class CalendarPreviewQueryDto {
  @ApiPropertyOptional({
    example: '2026-12-18T15:30:00+01:00',
    description: 'Where the clock starts, an ISO 8601 instant with its offset (encode + as %2B in a URL); default: now.',
  })
  @IsOptional()
  @IsIsoInstant()
  start?: string;

  @ApiProperty({ minimum: 0, maximum: MAX_SLA_TARGET_MINUTES, example: 120, description: 'Business minutes to add.' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_SLA_TARGET_MINUTES)
  minutes!: number;
}

export class CalendarPreviewDto {
  @ApiProperty({ format: 'uuid' })
  calendarId!: string;

  @ApiProperty({ example: 'Europe/Warsaw' })
  timeZone!: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-18T14:30:00.000Z' })
  start!: string;

  @ApiProperty({ example: '2026-12-18T15:30:00', description: "The start on the calendar's wall clock." })
  startLocal!: string;

  @ApiProperty({ example: 120 })
  minutes!: number;

  @ApiProperty({
    format: 'date-time', example: '2026-12-21T08:30:00.000Z',
    description: 'The earliest instant by which that many business minutes have passed (it may be the end of a working period).',
  })
  deadline!: string;

  @ApiProperty({ example: '2026-12-21T09:30:00', description: "The deadline on the calendar's wall clock." })
  deadlineLocal!: string;
}
