import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { TemplateLanguage } from '@okienko/domain';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { TemplateValueSources, type TemplateTicket } from '../templates/template-value-sources.js';
import { FILING_SUBMISSION } from './form-template-values.source.js';
import { publicBase } from './public-base.js';
import { StatusLinksService } from './status-links.service.js';

export const STATUS_URL_PLACEHOLDER = 'ticket.statusUrl';

/**
 * Fills `{{ticket.statusUrl}}` of any ticket (not only form tickets): the
 * ticket's live status link, made when it has none, in the caller's
 * transaction when it renders inside one (a rule answering a new ticket).
 */
@Injectable()
export class StatusUrlTemplateValues implements OnModuleInit {
  constructor(
    private readonly sources: TemplateValueSources,
    private readonly links: StatusLinksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.sources.register({ fills: (path) => path === STATUS_URL_PLACEHOLDER, valuesFor: (ticket, language) => this.valuesFor(ticket, language) });
  }

  /** The link's page speaks the language of the mail it is written into. A preview shows the live link, or where one will be. */
  private async valuesFor(ticket: TemplateTicket, language: TemplateLanguage): Promise<Map<string, string>> {
    const base = publicBase(this.config.publicUrl, null);
    if (ticket.preview) {
      return new Map([[STATUS_URL_PLACEHOLDER, (await this.links.existingUrlFor(ticket.manager ?? null, ticket.id, base)) ?? `${base}/s/…`]]);
    }
    const filing = FILING_SUBMISSION.getStore();
    const fresh = filing ? filing.link : { language: language === 'en' ? ('en' as const) : ('pl' as const) };
    const url = await this.links.urlFor(ticket.manager ?? null, ticket.id, fresh, base);
    if (filing) filing.linkMade = true;
    return new Map([[STATUS_URL_PLACEHOLDER, url]]);
  }
}
