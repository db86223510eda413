import { readFormSettings, type FormLanguage } from '@okienko/domain';
import { FORM_FIELD_PREFIX } from '@okienko/routing';
import type { Choice } from './use-rule-options';

/** What the rule editor needs of a channel to offer its form's fields. */
export interface FormChannel {
  type: string;
  name: string;
  settings?: Record<string, unknown>;
}

/**
 * The `form.<name>` condition fields of the web forms: one per field name
 * (a rule matches that field of whichever form the ticket came from),
 * labelled in the panel's language with the forms that have it, e.g.
 * "Numer zamówienia (Kontakt, Reklamacje)". File fields are left out: a rule
 * compares text.
 */
export function formFieldChoices(channels: readonly FormChannel[], language: FormLanguage): Choice[] {
  const byName = new Map<string, { label: string; forms: string[] }>();
  for (const channel of channels) {
    if (channel.type !== 'web_form') continue;
    for (const field of readFormSettings(channel.settings ?? {}).fields) {
      if (field.type === 'file') continue;
      const known = byName.get(field.name) ?? { label: field.label[language] || field.name, forms: [] };
      known.forms.push(channel.name);
      byName.set(field.name, known);
    }
  }
  return [...byName]
    .map(([name, { label, forms }]) => ({ value: `${FORM_FIELD_PREFIX}${name}`, label: `${label} (${forms.join(', ')})` }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}
