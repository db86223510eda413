import { api } from '../../shared/api-client/client';
import { unwrap, unwrapEmpty } from '../../shared/api-client/errors';
import type { components } from '../../shared/api-client/schema';

export type Template = components['schemas']['TemplateDto'];
export type TemplatePreview = components['schemas']['TemplatePreviewDto'];
export type TemplatePreviewRequest = components['schemas']['PreviewTemplateDto'];
export type TemplatePlaceholder = components['schemas']['TemplatePlaceholderDto'];
export type NewTemplate = components['schemas']['CreateTemplateDto'];
export type TemplateChange = components['schemas']['UpdateTemplateDto'];
export type TemplateLanguage = Template['language'];

/** Active templates offered in a queue (its own and those for every queue). */
export async function listActiveTemplates(queueId: string | null, signal?: AbortSignal): Promise<Template[]> {
  const query = { active: true, limit: 200, ...(queueId ? { queueId } : {}) };
  return (await unwrap(api.GET('/api/v1/templates', { params: { query }, signal }))).items;
}

/** Every template, active or not. */
export async function listAllTemplates(signal?: AbortSignal): Promise<Template[]> {
  return (await unwrap(api.GET('/api/v1/templates', { params: { query: { limit: 200 } }, signal }))).items;
}

/** A saved template rendered for a ticket, exactly as a reply would carry it. */
export function previewTemplate(templateId: string, ticketId: string): Promise<TemplatePreview> {
  return unwrap(api.POST('/api/v1/templates/preview', { body: { templateId, ticketId } }));
}

/** Unsaved text rendered for a ticket, or with example values when no ticket is given. */
export function previewTemplateText(request: TemplatePreviewRequest, signal?: AbortSignal): Promise<TemplatePreview> {
  return unwrap(api.POST('/api/v1/templates/preview', { body: request, signal }));
}

export async function listPlaceholders(signal?: AbortSignal): Promise<TemplatePlaceholder[]> {
  return (await unwrap(api.GET('/api/v1/templates/placeholders', { signal }))).items;
}

export function createTemplate(template: NewTemplate): Promise<Template> {
  return unwrap(api.POST('/api/v1/templates', { body: template }));
}

export function updateTemplate(id: string, change: TemplateChange): Promise<Template> {
  return unwrap(api.PATCH('/api/v1/templates/{id}', { params: { path: { id } }, body: change }));
}

export async function deleteTemplate(id: string): Promise<void> {
  await unwrapEmpty(api.DELETE('/api/v1/templates/{id}', { params: { path: { id } } }));
}
