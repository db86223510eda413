import { api } from '../../shared/api-client/client';
import { unwrap } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type Template = components['schemas']['TemplateDto'];
export type TemplatePreview = components['schemas']['TemplatePreviewDto'];

/** Active templates offered in a queue (its own and those for every queue). */
export async function listActiveTemplates(queueId: string | null, signal?: AbortSignal): Promise<Template[]> {
  const query = { active: true, limit: 200, ...(queueId ? { queueId } : {}) };
  return (await unwrap(api.GET('/api/v1/templates', { params: { query }, signal }))).items;
}

/** A saved template rendered for a ticket, exactly as a reply would carry it. */
export function previewTemplate(templateId: string, ticketId: string): Promise<TemplatePreview> {
  return unwrap(api.POST('/api/v1/templates/preview', { body: { templateId, ticketId } }));
}
