import { Injectable } from '@nestjs/common';
import type { TemplateLanguage } from '@okienko/domain';
import type { EntityManager } from 'typeorm';

/** What a value source knows of the ticket a template is rendered for. */
export interface TemplateTicket {
  id: string;
  queueId: string | null;
  subject: string;
  customerEmail: string | null;
  /** The customer's latest message (subject and text), read in the caller's transaction. */
  latestCustomerText: string | null;
  /** The transaction the template renders in (a rule answering a ticket being opened), for sources that read or write the ticket's rows. */
  manager?: EntityManager | null;
  /** A preview (the editor, the reply box, a rule's dry run): sources show their values but write nothing. */
  preview?: boolean;
}

/**
 * Placeholder values another module supplies (e.g. `order.*` from the shop
 * integrations), so templates need not depend on it: the module registers
 * its source at start.
 */
export interface TemplateValueSource {
  /** Whether the source fills this placeholder. */
  fills(path: string): boolean;
  valuesFor(ticket: TemplateTicket, language: TemplateLanguage): Promise<Map<string, string>>;
}

@Injectable()
export class TemplateValueSources {
  private readonly sources: TemplateValueSource[] = [];

  register(source: TemplateValueSource): void {
    this.sources.push(source);
  }

  /** Whether a placeholder comes from a registered source (a line holding it is left out when it has no value). */
  fills(path: string): boolean {
    return this.sources.some((s) => s.fills(path));
  }

  /** Adds the sources' values for the placeholders the texts use; a failing source leaves its placeholders empty. */
  async fill(values: Map<string, string>, ticket: TemplateTicket, language: TemplateLanguage, used: readonly string[]): Promise<void> {
    const wanted = this.sources.filter((s) => used.some((path) => s.fills(path)));
    const answers = await Promise.all(wanted.map((s) => s.valuesFor(ticket, language).catch(() => new Map<string, string>())));
    for (const answer of answers) for (const [path, value] of answer) values.set(path, value);
  }
}
