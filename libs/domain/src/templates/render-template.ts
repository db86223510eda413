import type { ParsedTemplate } from './parse-template.js';

/** The value of each placeholder path, e.g. `ticket.number` → `2026-000123`. A Map, so no key can reach an object's prototype. */
export type TemplateValues = ReadonlyMap<string, string>;

export interface RenderTemplateOptions {
  /** Applied to every inserted value (not to the template's own text), e.g. escapeHtml for an HTML body. */
  escapeValue?: (value: string) => string;
  /**
   * Placeholders a line needs: a line holding one of them that has no value is
   * left out whole (e.g. "Tracking: {{order.trackingUrl}}" before the parcel is sent).
   */
  lineNeeds?: (path: string) => boolean;
}

/**
 * Fills a parsed template. Values are inserted verbatim, exactly once: a value
 * that looks like a placeholder (`{{ticket.number}}`) or a replacement pattern
 * (`$&`) stays as it is. A placeholder without a value renders as nothing.
 */
export function renderTemplate(template: ParsedTemplate, values: TemplateValues, options: RenderTemplateOptions = {}): string {
  const escape = options.escapeValue ?? ((value: string) => value);
  if (options.lineNeeds) return renderDroppingLines(template, values, escape, options.lineNeeds);
  let out = '';
  for (const segment of template.segments) {
    out += segment.kind === 'text' ? segment.text : escape(values.get(segment.path) ?? '');
  }
  return out;
}

function renderDroppingLines(template: ParsedTemplate, values: TemplateValues, escape: (value: string) => string, needs: (path: string) => boolean): string {
  const lines: string[] = [];
  let line = '';
  let missing = false;
  for (const segment of template.segments) {
    if (segment.kind !== 'text') {
      const value = values.get(segment.path) ?? '';
      if (!value && needs(segment.path)) missing = true;
      line += escape(value);
      continue;
    }
    const parts = segment.text.split('\n');
    line += parts[0];
    for (const part of parts.slice(1)) {
      if (!missing) lines.push(line);
      line = part;
      missing = false;
    }
  }
  if (!missing) lines.push(line);
  return lines.join('\n');
}

/**
 * Template values from a plain record: only its own keys count, and null or
 * undefined become empty text.
 */
export function templateValues(record: Readonly<Record<string, string | null | undefined>>): Map<string, string> {
  return new Map(Object.entries(record).map(([path, value]) => [path, value ?? '']));
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}
