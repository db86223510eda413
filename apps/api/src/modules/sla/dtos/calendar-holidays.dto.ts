import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ExtraWorkingDayDto } from './calendar.dto.js';

export class CalendarHolidaysQueryDto {
  @ApiPropertyOptional({ minimum: 1900, maximum: 2200, example: 2027, description: "Default: the current year in the calendar's time zone." })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;
}

export const CALENDAR_DAY_OFF_KINDS = ['public_holiday', 'extra_day_off'] as const;

export type CalendarDayOffKind = (typeof CALENDAR_DAY_OFF_KINDS)[number];

export class CalendarDayOffDto {
  @ApiProperty({ example: '2027-03-29' })
  date!: string;

  @ApiProperty({ minimum: 1, maximum: 7, example: 1, description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  weekday!: number;

  @ApiProperty({ type: String, nullable: true, example: 'Poniedziałek Wielkanocny', description: 'The holiday\'s Polish name; null for an extra day off.' })
  name!: string | null;

  @ApiProperty({ enum: CALENDAR_DAY_OFF_KINDS, description: 'public_holiday: from the built-in set; extra_day_off: listed in extraDaysOff.' })
  kind!: CalendarDayOffKind;

  @ApiProperty({ description: 'true: listed in extraWorkingDays, so worked after all with its own hours.' })
  worked!: boolean;
}

export class CalendarHolidaysDto {
  @ApiProperty({ format: 'uuid' })
  calendarId!: string;

  @ApiProperty({ example: 2027 })
  year!: number;

  @ApiProperty({ type: [CalendarDayOffDto], description: 'Built-in public holidays (Sundays included) and extra days off of the year, by date.' })
  items!: CalendarDayOffDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty({ type: [ExtraWorkingDayDto], description: 'The extra working days of the year, by date.' })
  extraWorkingDays!: ExtraWorkingDayDto[];
}
