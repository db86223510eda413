import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type Rule = components['schemas']['RuleDto'];
export type NewRule = components['schemas']['CreateRuleDto'];
export type RuleChange = components['schemas']['UpdateRuleDto'];
export type RuleTriggerName = Rule['trigger'];
export type DryRunRequest = components['schemas']['DryRunDto'];
export type DryRunResult = components['schemas']['DryRunResultDto'];
export type DryRunItem = components['schemas']['DryRunItemDto'];
export type DryRunChange = components['schemas']['DryRunChangeDto'];
export type DryRunAction = components['schemas']['DryRunActionDto'];

/** Every rule, grouped by trigger and in the order they run. */
export async function listRules(signal?: AbortSignal): Promise<Rule[]> {
  return (await unwrap(api.GET('/api/v1/rules', { signal }))).items;
}

export function fetchRule(id: string, signal?: AbortSignal): Promise<Rule> {
  return unwrap(api.GET('/api/v1/rules/{id}', { params: { path: { id } }, signal }));
}

export function createRule(rule: NewRule): Promise<Rule> {
  return unwrap(api.POST('/api/v1/rules', { body: rule }));
}

export function updateRule(id: string, change: RuleChange): Promise<Rule> {
  return unwrap(api.PATCH('/api/v1/rules/{id}', { params: { path: { id } }, body: change }));
}

export async function deleteRule(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/rules/{id}', { params: { path: { id } } }));
}

/** Sets the order of every rule of one trigger. */
export async function reorderRules(ids: string[]): Promise<Rule[]> {
  return (await unwrap(api.PUT('/api/v1/rules/order', { body: { ids } }))).items;
}

/** What a saved rule would change on the newest tickets (or a sample message); nothing is changed. */
export function dryRunRule(id: string, request: DryRunRequest): Promise<DryRunResult> {
  return unwrap(api.POST('/api/v1/rules/{id}/dry-run', { params: { path: { id } }, body: request }));
}
