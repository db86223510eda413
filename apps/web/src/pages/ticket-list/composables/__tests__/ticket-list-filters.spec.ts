import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, isFiltered, parseFilters, toApiParams, toQuery, type TicketListFilters } from '../ticket-list-filters';

const QUEUE = '0b6f1d2e-3c4a-4b5c-8d9e-0f1a2b3c4d5e';
const CATEGORY = '5a1e2f3d-4c5b-4a69-8e7f-6d5c4b3a2f10';

describe('ticket list filters in the URL', () => {
  it('reads an empty query as the default view', () => {
    expect(parseFilters({})).toEqual(EMPTY_FILTERS);
    expect(isFiltered(parseFilters({}))).toBe(false);
  });

  it('reads every filter a shared link may carry', () => {
    const filters = parseFilters({
      status: 'open,new',
      priority: 'urgent',
      sla: 'warning,breached',
      queue: QUEUE,
      assignee: 'me',
      category: CATEGORY,
      channel: 'phone',
      snoozed: 'any',
      tag: ' vip ',
      from: '2026-03-01',
      to: '2026-03-31',
      q: '  zwrot butów ',
      sort: 'priority',
      page: '3',
      limit: '100',
    });
    expect(filters).toEqual({
      status: ['new', 'open'],
      priority: ['urgent'],
      sla: ['breached', 'warning'],
      queue: QUEUE,
      assignee: 'me',
      category: CATEGORY,
      channel: 'phone',
      snoozed: 'any',
      tag: 'vip',
      from: '2026-03-01',
      to: '2026-03-31',
      q: 'zwrot butów',
      sort: 'priority',
      page: 3,
      limit: 100,
    });
    expect(isFiltered(filters)).toBe(true);
  });

  it('drops unknown, duplicated or malformed values instead of sending them to the API', () => {
    const filters = parseFilters({
      status: 'open,open,deleted',
      priority: 'whatever',
      queue: 'DROP TABLE',
      assignee: '42',
      sort: 'password',
      category: 'faktury',
      channel: 'pigeon',
      from: '2026-02-30',
      to: 'yesterday',
      page: '-1',
      limit: '33',
    });
    expect(filters).toEqual({ ...EMPTY_FILTERS, status: ['open'] });
  });

  it('takes the first of repeated parameters and keeps `none` for queue and assignee', () => {
    const filters = parseFilters({ status: ['resolved', 'new'], queue: 'none', assignee: 'none', page: ['2', '9'] });
    expect(filters.status).toEqual(['resolved']);
    expect(filters.queue).toBe('none');
    expect(filters.assignee).toBe('none');
    expect(filters.page).toBe(2);
  });

  it('writes only what differs from the default, lists in one order, and reads back the same filters', () => {
    const filters: TicketListFilters = {
      ...EMPTY_FILTERS,
      status: ['open', 'new'],
      sla: ['warning', 'breached'],
      queue: QUEUE,
      q: 'faktura',
      page: 2,
    };
    const query = toQuery(filters);
    expect(query).toEqual({ status: 'new,open', sla: 'breached,warning', queue: QUEUE, q: 'faktura', page: '2' });
    expect(toQuery(EMPTY_FILTERS)).toEqual({});
    expect(parseFilters(query as Record<string, string>)).toEqual({ ...filters, status: ['new', 'open'], sla: ['breached', 'warning'] });
  });

  it('asks the API for whole local days of the date range, and for the category, channel and tag', () => {
    const params = toApiParams({ ...EMPTY_FILTERS, category: CATEGORY, channel: 'email', tag: 'vip', from: '2026-03-01', to: '2026-03-31' });
    expect(params).toMatchObject({ categoryId: CATEGORY, channel: 'email', tag: 'vip' });
    expect(params.createdFrom).toBe(new Date(2026, 2, 1).toISOString());
    expect(params.createdTo).toBe(new Date(2026, 3, 1).toISOString());
    expect(isFiltered({ ...EMPTY_FILTERS, tag: 'vip' })).toBe(true);
  });

  it('turns the filters into the parameters of GET /tickets, paging by offset', () => {
    const params = toApiParams({ ...EMPTY_FILTERS, status: ['new'], sla: ['breached'], assignee: 'none', page: 3, limit: 50 });
    expect(params).toEqual({ limit: 50, offset: 100, sort: '-createdAt', status: 'new', slaState: 'breached', assigneeId: 'none' });
  });

  it('does not count sorting and paging as filtering', () => {
    expect(isFiltered({ ...EMPTY_FILTERS, sort: 'number', page: 4, limit: 100 })).toBe(false);
  });
});
