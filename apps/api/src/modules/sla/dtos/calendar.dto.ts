import { ApiProperty } from '@nestjs/swagger';
import { BUILT_IN_HOLIDAYS, type BuiltInHolidays } from '@okienko/domain';
import type { CalendarEntity } from '../entities/calendar.entity.js';

export class WorkingHoursDto {
  @ApiProperty({ example: '08:00', description: 'HH:MM, inclusive.' })
  start!: string;

  @ApiProperty({ example: '16:00', description: 'HH:MM, exclusive; may be 24:00. A period never crosses midnight.' })
  end!: string;
}

export class WorkingPeriodDto extends WorkingHoursDto {
  @ApiProperty({ minimum: 1, maximum: 7, example: 1, description: 'ISO weekday: 1 = Monday … 7 = Sunday.' })
  day!: number;
}

export class ExtraWorkingDayDto {
  @ApiProperty({ example: '2026-11-14', description: 'YYYY-MM-DD.' })
  date!: string;

  @ApiProperty({ type: [WorkingHoursDto] })
  periods!: WorkingHoursDto[];
}

export class CalendarDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Godziny pracy biura' })
  name!: string;

  @ApiProperty({ example: 'Europe/Warsaw', description: 'IANA time zone the working periods are read in.' })
  timeZone!: string;

  @ApiProperty({ type: [WorkingPeriodDto], description: 'Working periods of the week; a day may have several, none may overlap.' })
  weeklyPeriods!: WorkingPeriodDto[];

  @ApiProperty({ enum: BUILT_IN_HOLIDAYS, description: 'PL: Polish public holidays are days off; none: no built-in holidays.' })
  holidays!: BuiltInHolidays;

  @ApiProperty({ type: [String], example: ['2026-12-31'], description: 'Further days off, YYYY-MM-DD.' })
  extraDaysOff!: string[];

  @ApiProperty({ type: [ExtraWorkingDayDto], description: 'Days worked although they would be off, with their own hours (beats everything else).' })
  extraWorkingDays!: ExtraWorkingDayDto[];

  @ApiProperty({ description: 'The calendar of policies that name none; exactly one calendar is the default.' })
  isDefault!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(calendar: CalendarEntity): CalendarDto {
    return {
      id: calendar.id,
      name: calendar.name,
      timeZone: calendar.timeZone,
      weeklyPeriods: calendar.weeklyPeriods,
      holidays: calendar.holidays,
      extraDaysOff: calendar.extraDaysOff,
      extraWorkingDays: calendar.extraWorkingDays.map((d) => ({ date: d.date, periods: [...d.periods] })),
      isDefault: calendar.isDefault,
      createdAt: calendar.createdAt.toISOString(),
      updatedAt: calendar.updatedAt.toISOString(),
    };
  }
}

export class CalendarListDto {
  @ApiProperty({ type: [CalendarDto] })
  items!: CalendarDto[];

  @ApiProperty()
  total!: number;
}
