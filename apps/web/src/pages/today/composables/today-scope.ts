import type { LocationQuery } from 'vue-router';
import type { TodayScope } from '../../../entities/ticket/api';

export const TODAY_SCOPES: readonly TodayScope[] = ['mine', 'team', 'all'];
export const DEFAULT_SCOPE: TodayScope = 'mine';
export const TODAY_PAGE_SIZE = 50;

/** The scope named in the URL query; anything unknown means the default. */
export function parseScope(query: LocationQuery): TodayScope {
  const value = Array.isArray(query['scope']) ? query['scope'][0] : query['scope'];
  return TODAY_SCOPES.find((scope) => scope === value) ?? DEFAULT_SCOPE;
}
