import { Injectable, OnModuleInit } from '@nestjs/common';
import { ORDER_PLACEHOLDER_PATHS, orderForTemplate, orderTemplateValues, type TemplateLanguage } from '@okienko/domain';
import { TemplateValueSources, type TemplateTicket } from '../templates/template-value-sources.js';
import { OrderLookupService } from './order-lookup.service.js';

const PATHS = new Set<string>(ORDER_PLACEHOLDER_PATHS);

/** Fills `{{order.*}}` in templates: the pinned order, else the one the customer mentioned, else the newest. */
@Injectable()
export class OrderTemplateValues implements OnModuleInit {
  constructor(
    private readonly sources: TemplateValueSources,
    private readonly lookup: OrderLookupService,
  ) {}

  onModuleInit(): void {
    this.sources.register({
      fills: (path) => PATHS.has(path),
      valuesFor: (ticket, language) => this.valuesFor(ticket, language),
    });
  }

  private async valuesFor(ticket: TemplateTicket, language: TemplateLanguage): Promise<Map<string, string>> {
    const { pinned, mentioned, newest } = await this.lookup.forTemplate(ticket);
    return orderTemplateValues(orderForTemplate(pinned, mentioned, newest), language === 'en' ? 'en' : 'pl');
  }
}
