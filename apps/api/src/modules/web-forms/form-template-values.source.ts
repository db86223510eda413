import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { displayValue, readFormSettings, type FormSettings, type FormValue, type TemplateLanguage } from '@okienko/domain';
import { TemplateValueSources, type TemplateTicket } from '../templates/template-value-sources.js';
import { FormSubmissionsRepository } from './form-submissions.repository.js';

/** The submission being filed right now: the rules run inside the intake's transaction, before the submission row is readable elsewhere. */
export const FILING_SUBMISSION = new AsyncLocalStorage<{ form: FormSettings; values: Record<string, FormValue> }>();

/** Fields of the forms that templates and rule answers may name (`{{form.orderNumber}}`). */
export const FORM_PLACEHOLDER_FIELDS = ['orderNumber', 'product', 'purchaseDate', 'remedy'] as const;

const PATHS = new Set<string>(FORM_PLACEHOLDER_FIELDS.map((f) => `form.${f}`));

/** Fills `{{form.*}}` in templates with the values of the ticket's (newest) form submission. */
@Injectable()
export class FormTemplateValues implements OnModuleInit {
  constructor(
    private readonly sources: TemplateValueSources,
    private readonly submissions: FormSubmissionsRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register({ fills: (path) => PATHS.has(path), valuesFor: (ticket, language) => this.valuesFor(ticket, language) });
  }

  private async valuesFor(ticket: TemplateTicket, language: TemplateLanguage): Promise<Map<string, string>> {
    const stored = FILING_SUBMISSION.getStore() ?? (await this.storedSubmission(ticket.id));
    if (!stored) return new Map();
    const lang = language === 'en' ? 'en' : 'pl';
    const out = new Map<string, string>();
    for (const name of FORM_PLACEHOLDER_FIELDS) {
      const value = stored.values[name];
      if (value === undefined) continue;
      const field = stored.form.fields.find((f) => f.name === name);
      out.set(`form.${name}`, field ? displayValue(field, value, lang) : String(value));
    }
    return out;
  }

  private async storedSubmission(ticketId: string): Promise<{ form: FormSettings; values: Record<string, FormValue> } | null> {
    const row = await this.submissions.valuesOfTicket(ticketId);
    return row ? { form: readFormSettings(row.settings), values: row.values } : null;
  }
}
