import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BUILT_IN_HOLIDAYS, type BuiltInHolidays } from '@okienko/domain';
import { Allow, IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ExtraWorkingDayDto, WorkingPeriodDto } from './calendar.dto.js';

export const CALENDAR_CHECK_HELP =
  'Checked as a whole: a problem answers 400 CALENDAR_INVALID naming the place, e.g. weeklyPeriods[2].end or extraDaysOff[0].';

/**
 * A business calendar. Its time fields are checked together by the SLA
 * arithmetic's own validation (`validateCalendar`), so each problem names its
 * place inside the calendar.
 */
export class CreateCalendarDto {
  @ApiProperty({ example: 'Godziny pracy biura', description: 'Unique, whatever the letter case.' })
  @IsString()
  @MinLength(1)
  @Matches(/\S/, { message: 'name must not be blank' })
  @MaxLength(100)
  name!: string;

  @ApiPropertyOptional({ example: 'Europe/Warsaw', description: `IANA time zone; default: TIME_ZONE of the installation. ${CALENDAR_CHECK_HELP}` })
  @Allow()
  timeZone?: string;

  @ApiProperty({
    type: [WorkingPeriodDto],
    example: [1, 2, 3, 4, 5].map((day) => ({ day, start: '08:00', end: '16:00' })),
    description: `Working periods of the week (at least one). ${CALENDAR_CHECK_HELP}`,
  })
  @Allow()
  weeklyPeriods!: WorkingPeriodDto[];

  @ApiPropertyOptional({ enum: BUILT_IN_HOLIDAYS, default: 'PL' })
  @Allow()
  holidays?: BuiltInHolidays;

  @ApiPropertyOptional({ type: [String], example: ['2026-12-31'], default: [], description: 'Further days off, YYYY-MM-DD.' })
  @Allow()
  extraDaysOff?: string[];

  @ApiPropertyOptional({
    type: [ExtraWorkingDayDto], default: [], example: [{ date: '2026-11-14', periods: [{ start: '08:00', end: '12:00' }] }],
    description: 'Days worked although they would be off (a Saturday worked in exchange), with their own hours.',
  })
  @Allow()
  extraWorkingDays?: ExtraWorkingDayDto[];

  @ApiPropertyOptional({ default: false, description: 'true makes this the default calendar (the previous one stops being it).' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}
