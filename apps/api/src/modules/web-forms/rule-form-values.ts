import { Injectable } from '@nestjs/common';
import type { FormValue } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import { FILING_SUBMISSION } from './form-template-values.source.js';
import { FormSubmissionsRepository } from './form-submissions.repository.js';

/**
 * The web form values rules match with `form.<name>` conditions: those of the
 * submission being filed (the rules on the new ticket run inside its filing),
 * else of the ticket's newest submission. As text: a choice by its value
 * (e.g. `refund`), a checkbox `true` / `false`, several values joined by ", ".
 */
@Injectable()
export class RuleFormValues {
  constructor(private readonly submissions: FormSubmissionsRepository) {}

  async valuesOf(manager: EntityManager, ticketId: string): Promise<Record<string, string> | null> {
    const values = FILING_SUBMISSION.getStore()?.values ?? (await this.submissions.valuesOfTicket(ticketId, manager))?.values;
    if (!values) return null;
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) if (value !== null && value !== undefined) out[name] = asText(value);
    return out;
  }
}

function asText(value: FormValue): string {
  return Array.isArray(value) ? value.map(String).join(', ') : String(value);
}
