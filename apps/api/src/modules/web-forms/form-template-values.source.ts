import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { displayValue, readFormSettings, type FormLanguage, type FormSettings, type FormValue, type TemplateLanguage } from '@okienko/domain';
import { TemplateValueSources, type TemplateTicket } from '../templates/template-value-sources.js';
import { FormSubmissionsRepository } from './form-submissions.repository.js';

/** The submission being filed right now: the rules run inside the intake's transaction, before the submission row is readable elsewhere. */
export interface FilingSubmission {
  form: FormSettings;
  values: Record<string, FormValue>;
  /** What a status link made while filing (a rule's answer with `{{ticket.statusUrl}}`) belongs to: the form's conversation. */
  link: { channelId: string; threadId: string; language: FormLanguage };
  /** Set once a rule's answer made the ticket's status link (the confirmation then repeats it). */
  linkMade?: boolean;
}

export const FILING_SUBMISSION = new AsyncLocalStorage<FilingSubmission>();

const PREFIX = 'form.';

/** Fills `{{form.<name>}}` in templates with the values of the ticket's (newest) form submission, any field by its name. */
@Injectable()
export class FormTemplateValues implements OnModuleInit {
  constructor(
    private readonly sources: TemplateValueSources,
    private readonly submissions: FormSubmissionsRepository,
  ) {}

  onModuleInit(): void {
    this.sources.register({ fills: (path) => path.startsWith(PREFIX), valuesFor: (ticket, language) => this.valuesFor(ticket, language) });
  }

  private async valuesFor(ticket: TemplateTicket, language: TemplateLanguage): Promise<Map<string, string>> {
    const stored = FILING_SUBMISSION.getStore() ?? (await this.storedSubmission(ticket.id, ticket.manager ?? null));
    if (!stored) return new Map();
    const lang = language === 'en' ? 'en' : 'pl';
    const out = new Map<string, string>();
    for (const [name, value] of Object.entries(stored.values)) {
      if (value === undefined || value === null) continue;
      const field = stored.form.fields.find((f) => f.name === name);
      out.set(`${PREFIX}${name}`, field ? displayValue(field, value, lang) : String(value));
    }
    return out;
  }

  private async storedSubmission(ticketId: string, manager: EntityManager | null): Promise<{ form: FormSettings; values: Record<string, FormValue> } | null> {
    const row = await this.submissions.valuesOfTicket(ticketId, manager);
    return row ? { form: readFormSettings(row.settings), values: row.values } : null;
  }
}
