import { Inject, Injectable } from '@nestjs/common';
import { deadlineFor, polishPublicHolidays, validateCalendar, type BusinessCalendar, type ExtraWorkingDay, type WorkingPeriod } from '@okienko/domain';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CalendarsRepository } from './calendars.repository.js';
import type { CalendarDayOffDto, CalendarHolidaysDto } from './dtos/calendar-holidays.dto.js';
import type { CalendarPreviewDto } from './dtos/calendar-preview.dto.js';
import type { CreateCalendarDto } from './dtos/create-calendar.dto.js';
import type { UpdateCalendarDto } from './dtos/update-calendar.dto.js';
import type { CalendarEntity } from './entities/calendar.entity.js';
import { localDateTime } from './local-date-time.js';
import { problemFields, type PlacedProblem } from './problem-fields.js';
import { SlaConfigCache, toBusinessCalendar } from './sla-config.cache.js';
import { SlaRecountRequests } from './sla-recount-requests.js';
import { SlaException, SlaErrorCode } from './sla.exception.js';

/** Business calendars: admins write them, everybody reads them; SLA policies count business time on them. */
@Injectable()
export class CalendarsService {
  constructor(
    private readonly calendars: CalendarsRepository,
    private readonly cache: SlaConfigCache,
    private readonly recount: SlaRecountRequests,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The default calendar first, then by name. */
  list(): Promise<CalendarEntity[]> {
    return this.calendars.list();
  }

  async get(id: string): Promise<CalendarEntity> {
    const calendar = await this.calendars.findById(id);
    if (!calendar) throw new SlaException(SlaErrorCode.CalendarNotFound, `Calendar ${id} does not exist`);
    return calendar;
  }

  async create(dto: CreateCalendarDto): Promise<CalendarEntity> {
    const calendar = this.checked({
      timeZone: dto.timeZone ?? this.config.timeZone,
      weeklyPeriods: dto.weeklyPeriods,
      holidays: dto.holidays ?? 'PL',
      extraDaysOff: dto.extraDaysOff ?? [],
      extraWorkingDays: dto.extraWorkingDays ?? [],
    });
    const name = dto.name.trim();
    const created = await this.calendars
      .transaction(async (manager) => {
        const row = await this.calendars.insert(manager, { name, ...calendar, isDefault: false });
        if (dto.isDefault) await this.calendars.makeDefault(manager, row.id);
        return row;
      })
      .catch((error: unknown) => rethrowNameTaken(error, name));
    this.cache.invalidate();
    // Open tickets follow the new configuration from now on.
    await this.recount.request();
    return this.get(created.id);
  }

  /** Changes the fields given; the calendar is checked as a whole afterwards. */
  async update(id: string, dto: UpdateCalendarDto): Promise<CalendarEntity> {
    const current = await this.get(id);
    if (dto.isDefault === false && current.isDefault) {
      const message = 'isDefault cannot be set to false: make another calendar the default instead';
      throw new SlaException(SlaErrorCode.CalendarIsDefault, message, { fields: [{ field: 'isDefault', errors: [message] }] });
    }
    const calendar = this.checked({
      timeZone: dto.timeZone !== undefined ? dto.timeZone : current.timeZone,
      weeklyPeriods: dto.weeklyPeriods !== undefined ? dto.weeklyPeriods : current.weeklyPeriods,
      holidays: dto.holidays !== undefined ? dto.holidays : current.holidays,
      extraDaysOff: dto.extraDaysOff !== undefined ? dto.extraDaysOff : current.extraDaysOff,
      extraWorkingDays: dto.extraWorkingDays !== undefined ? dto.extraWorkingDays : current.extraWorkingDays,
    });
    const name = dto.name?.trim() ?? current.name;
    await this.calendars
      .transaction(async (manager) => {
        await this.calendars.update(manager, id, { name, ...calendar });
        if (dto.isDefault === true && !current.isDefault) await this.calendars.makeDefault(manager, id);
      })
      .catch((error: unknown) => rethrowNameTaken(error, name));
    this.cache.invalidate();
    // Open tickets follow the new configuration from now on.
    await this.recount.request();
    return this.get(id);
  }

  /** Deletes a calendar that is neither the default nor counted on by a policy (409 otherwise, naming the policies). */
  async delete(id: string): Promise<void> {
    const calendar = await this.get(id);
    if (calendar.isDefault) {
      throw new SlaException(SlaErrorCode.CalendarIsDefault, 'The default calendar cannot be deleted: make another calendar the default first');
    }
    await this.calendars
      .transaction(async (manager) => {
        const using = await this.calendars.policiesUsing(id, manager);
        if (using.length > 0) throw inUse(calendar.name, using);
        await this.calendars.delete(manager, id);
      })
      .catch(async (error: unknown) => {
        // A policy may have been pointed at the calendar meanwhile: the foreign key answers.
        if ((error as { code?: string }).code === '23503') throw inUse(calendar.name, await this.calendars.policiesUsing(id));
        throw error;
      });
    this.cache.invalidate();
    // Open tickets follow the new configuration from now on.
    await this.recount.request();
  }

  /**
   * The days off of a year: the built-in public holidays (Sundays included)
   * and the extra days off, by date, each marked when an extra working day
   * overrides it; and the year's extra working days.
   */
  async holidays(id: string, year?: number): Promise<CalendarHolidaysDto> {
    const calendar = await this.get(id);
    const y = year ?? Number(localDateTime(new Date(), calendar.timeZone).slice(0, 4));
    const inYear = (date: string) => date.startsWith(`${String(y).padStart(4, '0')}-`);
    const worked = new Set(calendar.extraWorkingDays.map((d) => d.date));
    const days: Omit<CalendarDayOffDto, 'weekday' | 'worked'>[] = [
      ...(calendar.holidays === 'PL' ? polishPublicHolidays(y).map((h) => ({ date: h.date, name: h.name, kind: 'public_holiday' as const })) : []),
      ...calendar.extraDaysOff.filter(inYear).map((date) => ({ date, name: null, kind: 'extra_day_off' as const })),
    ];
    const items = days
      .map((day) => ({ ...day, weekday: isoWeekdayOf(day.date), worked: worked.has(day.date) }))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const extraWorkingDays = calendar.extraWorkingDays
      .filter((d) => inYear(d.date))
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .map((d) => ({ date: d.date, periods: [...d.periods] }));
    return { calendarId: calendar.id, year: y, items, total: items.length, extraWorkingDays };
  }

  /** When `minutes` business minutes of the calendar have passed since `start` (default: now). */
  async preview(id: string, start: string | undefined, minutes: number): Promise<CalendarPreviewDto> {
    const entity = await this.get(id);
    const from = start ? new Date(start) : new Date();
    const deadline = deadlineFor({ calendar: toBusinessCalendar(entity), start: from, targetMinutes: minutes }) as Date;
    return {
      calendarId: entity.id,
      timeZone: entity.timeZone,
      start: from.toISOString(),
      startLocal: localDateTime(from, entity.timeZone),
      minutes,
      deadline: deadline.toISOString(),
      deadlineLocal: localDateTime(deadline, entity.timeZone),
    };
  }

  /**
   * The calendar's time fields as the arithmetic takes them, after every
   * check (unknown fields inside periods and days are refused too); problems
   * answer 400 CALENDAR_INVALID naming each place.
   */
  private checked(input: Record<keyof BusinessCalendar, unknown>): Pick<CalendarEntity, keyof BusinessCalendar> {
    const problems: PlacedProblem[] = [...validateCalendar(input), ...unknownFields(input)];
    if (problems.length > 0) {
      throw new SlaException(SlaErrorCode.CalendarInvalid, problems.map((p) => p.message).join('; '), { fields: problemFields(problems) });
    }
    const calendar = input as unknown as Required<BusinessCalendar>;
    return {
      timeZone: calendar.timeZone,
      weeklyPeriods: calendar.weeklyPeriods.map(({ day, start, end }): WorkingPeriod => ({ day, start, end })),
      holidays: calendar.holidays,
      extraDaysOff: [...calendar.extraDaysOff],
      extraWorkingDays: calendar.extraWorkingDays.map(
        ({ date, periods }): ExtraWorkingDay => ({ date, periods: periods.map(({ start, end }) => ({ start, end })) }),
      ),
    };
  }
}

/** Fields the calendar does not know inside its periods and days (the top level is the request's own business). */
function unknownFields(calendar: Record<string, unknown>): PlacedProblem[] {
  const problems: PlacedProblem[] = [];
  const check = (value: unknown, allowed: readonly string[], path: string, what: string) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) problems.push({ path: `${path}.${key}`, message: `${path}.${key}: is not a field of ${what}; use ${allowed.join(', ')}` });
    }
  };
  if (Array.isArray(calendar.weeklyPeriods)) {
    calendar.weeklyPeriods.forEach((period: unknown, i: number) => check(period, ['day', 'start', 'end'], `weeklyPeriods[${i}]`, 'a working period'));
  }
  if (Array.isArray(calendar.extraWorkingDays)) {
    calendar.extraWorkingDays.forEach((day: unknown, i: number) => {
      check(day, ['date', 'periods'], `extraWorkingDays[${i}]`, 'an extra working day');
      const periods = (day as { periods?: unknown } | null)?.periods;
      if (Array.isArray(periods)) {
        periods.forEach((period: unknown, j: number) => check(period, ['start', 'end'], `extraWorkingDays[${i}].periods[${j}]`, 'working hours'));
      }
    });
  }
  return problems;
}

function isoWeekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

function inUse(name: string, policies: { id: string; name: string }[]): SlaException {
  return new SlaException(
    SlaErrorCode.CalendarInUse,
    `Calendar ${name} is used by the SLA policies ${policies.map((p) => p.name).join(', ')}: point them at another calendar first`,
    { policies },
  );
}

/** A name taken (also meanwhile, by a concurrent request): the unique index answers. */
function rethrowNameTaken(error: unknown, name: string): never {
  const { code, constraint } = error as { code?: string; constraint?: string };
  if (code === '23505' && constraint === 'calendars_name_key') {
    const message = `A calendar with the name ${name} exists already`;
    throw new SlaException(SlaErrorCode.CalendarNameTaken, message, { fields: [{ field: 'name', errors: [message] }] });
  }
  throw error;
}
