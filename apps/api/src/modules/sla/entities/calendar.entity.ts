import type { BuiltInHolidays, ExtraWorkingDay, WorkingPeriod } from '@okienko/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A business calendar as stored: when the helpdesk works, for SLA targets counted in business time (see `BusinessCalendar`). */
@Entity('calendars')
export class CalendarEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Unique, whatever the letter case. */
  @Column('text')
  name!: string;

  /** IANA time zone the periods are read in, e.g. `Europe/Warsaw`. */
  @Column('text', { name: 'time_zone' })
  timeZone!: string;

  @Column('jsonb', { name: 'weekly_periods' })
  weeklyPeriods!: WorkingPeriod[];

  @Column('text')
  holidays!: BuiltInHolidays;

  /** `YYYY-MM-DD` dates off besides the public holidays. */
  @Column('jsonb', { name: 'extra_days_off' })
  extraDaysOff!: string[];

  @Column('jsonb', { name: 'extra_working_days' })
  extraWorkingDays!: ExtraWorkingDay[];

  /** The calendar of policies that name none; exactly one calendar is the default. */
  @Column('boolean', { name: 'is_default' })
  isDefault!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
