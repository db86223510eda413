import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type Calendar = components['schemas']['CalendarDto'];
export type NewCalendar = components['schemas']['CreateCalendarDto'];
export type CalendarChange = components['schemas']['UpdateCalendarDto'];
export type WorkingPeriod = components['schemas']['WorkingPeriodDto'];
export type CalendarHolidays = components['schemas']['CalendarHolidaysDto'];

/** Business calendars, the default one first. */
export async function listCalendars(signal?: AbortSignal): Promise<Calendar[]> {
  return (await unwrap(api.GET('/api/v1/calendars', { signal }))).items;
}

export function createCalendar(calendar: NewCalendar): Promise<Calendar> {
  return unwrap(api.POST('/api/v1/calendars', { body: calendar }));
}

export function updateCalendar(id: string, change: CalendarChange): Promise<Calendar> {
  return unwrap(api.PATCH('/api/v1/calendars/{id}', { params: { path: { id } }, body: change }));
}

export async function deleteCalendar(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/calendars/{id}', { params: { path: { id } } }));
}

/** A year's days off of a calendar: public holidays and extra days off, and its extra working days. */
export function fetchCalendarHolidays(id: string, year: number, signal?: AbortSignal): Promise<CalendarHolidays> {
  return unwrap(api.GET('/api/v1/calendars/{id}/holidays', { params: { path: { id }, query: { year } }, signal }));
}
