import { Injectable } from '@nestjs/common';
import { DEFAULT_CALENDAR, sortSlaPolicies, type BusinessCalendar, type SlaPolicy } from '@okienko/domain';
import { CalendarsRepository } from './calendars.repository.js';
import type { CalendarEntity } from './entities/calendar.entity.js';
import type { SlaPolicyEntity } from './entities/sla-policy.entity.js';
import { SlaPoliciesRepository } from './sla-policies.repository.js';

/** How long a process trusts its copy of the policies and calendars; a change made elsewhere reaches it within this time. */
const TTL_MS = 3_000;

/** A calendar with what people know it by. `id` is null for the built-in fallback (no default calendar stored). */
export interface NamedCalendar {
  id: string | null;
  name: string;
  calendar: BusinessCalendar;
}

/** Every policy (in the order they are tried) and calendar, as read at one moment. */
export interface SlaConfigSnapshot {
  policies: SlaPolicy[];
  entities: ReadonlyMap<string, SlaPolicyEntity>;
  calendars: ReadonlyMap<string, NamedCalendar>;
  defaultCalendar: NamedCalendar;
}

/** The calendar as the SLA arithmetic takes it. */
export function toBusinessCalendar(entity: CalendarEntity): BusinessCalendar {
  return {
    timeZone: entity.timeZone,
    weeklyPeriods: entity.weeklyPeriods,
    holidays: entity.holidays,
    extraDaysOff: entity.extraDaysOff,
    extraWorkingDays: entity.extraWorkingDays,
  };
}

/** The policy as matching and the arithmetic take it. */
export function toSlaPolicy(entity: SlaPolicyEntity): SlaPolicy {
  return {
    id: entity.id,
    name: entity.name,
    enabled: entity.enabled,
    order: entity.position,
    conditions: entity.conditions,
    firstResponse: entity.firstResponse,
    nextResponse: entity.nextResponse,
    resolution: entity.resolution,
    calendarId: entity.calendarId,
    pauseStatuses: entity.pauseStatuses,
    warning: entity.warning,
  };
}

/**
 * The policies and calendars, loaded once and shared by every ticket for a
 * few seconds (a mail flood must not read them per mail). The calendar
 * objects stay the same while cached, so the arithmetic's own per-calendar
 * cache of working periods keeps working. Saving a policy or calendar clears
 * this process's copy at once; other processes pick the change up within the TTL.
 */
@Injectable()
export class SlaConfigCache {
  private cached: { snapshot: Promise<SlaConfigSnapshot>; expires: number } | null = null;

  constructor(
    private readonly policies: SlaPoliciesRepository,
    private readonly calendars: CalendarsRepository,
  ) {}

  get(): Promise<SlaConfigSnapshot> {
    const now = Date.now();
    if (!this.cached || this.cached.expires < now) {
      const snapshot = this.load();
      this.cached = { snapshot, expires: now + TTL_MS };
      snapshot.catch(() => (this.cached = null));
    }
    return this.cached.snapshot;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async load(): Promise<SlaConfigSnapshot> {
    const [policies, calendars] = await Promise.all([this.policies.list(), this.calendars.list()]);
    const named = new Map(calendars.map((c): [string, NamedCalendar] => [c.id, { id: c.id, name: c.name, calendar: toBusinessCalendar(c) }]));
    const stored = calendars.find((c) => c.isDefault);
    return {
      policies: sortSlaPolicies(policies.map(toSlaPolicy)),
      entities: new Map(policies.map((p) => [p.id, p])),
      calendars: named,
      defaultCalendar: stored ? named.get(stored.id)! : { id: null, name: 'Default', calendar: DEFAULT_CALENDAR },
    };
  }
}
