import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type WorkspaceSettings = components['schemas']['WorkspaceSettingsDto'];

/** How the team works (e.g. whether a reply to an unassigned ticket assigns it to the agent). */
export function fetchWorkspaceSettings(signal?: AbortSignal): Promise<WorkspaceSettings> {
  return unwrap(api.GET('/api/v1/settings', { signal }));
}

export function updateWorkspaceSettings(change: Partial<WorkspaceSettings>): Promise<WorkspaceSettings> {
  return unwrap(api.PATCH('/api/v1/settings', { body: change }));
}
