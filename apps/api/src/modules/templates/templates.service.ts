import { Inject, Injectable } from '@nestjs/common';
import {
  buildSimilarityTsQuery, detectCustomerLanguage, examplePlaceholderValues, formatTemplateDate, parseTemplate, parseTemplateLenient, renderTemplate, templateProblemDetails,
  templateSlug, TEMPLATE_PLACEHOLDERS, type FieldTemplateProblem, type ParsedTemplate, type PlaceholderDefinition, type TemplateLanguage,
} from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { QueuesService } from '../queues/queues.service.js';
import { TicketAccessPolicy } from '../tickets/ticket-access.policy.js';
import type { CreateTemplateDto } from './dtos/create-template.dto.js';
import type { PreviewTemplateDto } from './dtos/preview-template.dto.js';
import type { TemplateQueryDto } from './dtos/template-query.dto.js';
import type { UpdateTemplateDto } from './dtos/update-template.dto.js';
import type { TemplateEntity } from './entities/template.entity.js';
import { TemplatesException, TemplatesErrorCode } from './templates.exception.js';
import { TemplateValueSources } from './template-value-sources.js';
import { TemplatesRepository, type TicketRenderContext } from './templates.repository.js';

/** A template rendered for one ticket: what a reply (by an agent or a rule) sends. */
export interface RenderedTemplate {
  /** null: the template has no subject; a reply then keeps `Re: <ticket subject>`. */
  subject: string | null;
  body: string;
  templateId: string;
  title: string;
}

/** Who fills `{{agent.name}}`; null or left out: the ticket's assignee, if any. */
export type TemplateAgent = { name: string } | null;

type TemplateField = 'subject' | 'body';

@Injectable()
export class TemplatesService {
  constructor(
    private readonly templates: TemplatesRepository,
    private readonly queues: QueuesService,
    private readonly access: TicketAccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly valueSources: TemplateValueSources,
  ) {}

  list(query: TemplateQueryDto): Promise<[TemplateEntity[], number]> {
    return this.templates.list({
      q: query.q?.trim() ? query.q : undefined,
      queueId: query.queueId,
      language: query.language,
      active: query.active,
      limit: query.limit,
      offset: query.offset,
    });
  }

  async get(id: string): Promise<TemplateEntity> {
    const template = await this.templates.findById(id);
    if (!template) throw new TemplatesException(TemplatesErrorCode.NotFound, `Template ${id} does not exist`);
    return template;
  }

  /** The placeholders templates may use (with the reserved ones marked). */
  placeholders(): readonly PlaceholderDefinition[] {
    return TEMPLATE_PLACEHOLDERS;
  }

  /** The placeholders a saved template uses, subject first. */
  placeholdersOf(template: Pick<TemplateEntity, 'subject' | 'body'>): string[] {
    const used = [template.subject ?? '', template.body].flatMap((text) => parseTemplateLenient(text, TEMPLATE_PLACEHOLDERS).placeholders);
    return [...new Set(used)];
  }

  async create(dto: CreateTemplateDto): Promise<TemplateEntity> {
    this.parseFields({ subject: dto.subject ?? null, body: dto.body });
    if (dto.queueId) await this.queues.assertQueue(dto.queueId);
    const slug = dto.slug ?? (await this.freeSlug(templateSlug(dto.title)));
    if (dto.slug) await this.assertSlugFree(dto.slug);
    return this.templates
      .insert({
        slug,
        title: dto.title.trim(),
        subject: dto.subject?.trim() || null,
        body: dto.body,
        language: dto.language ?? 'pl',
        queueId: dto.queueId ?? null,
        active: dto.active ?? true,
      })
      .catch((error: unknown) => rethrowSlugTaken(error, slug));
  }

  async update(id: string, dto: UpdateTemplateDto): Promise<TemplateEntity> {
    const template = await this.get(id);
    this.parseFields({ subject: dto.subject, body: dto.body });
    if (dto.queueId) await this.queues.assertQueue(dto.queueId);
    if (dto.slug !== undefined && dto.slug !== template.slug) await this.assertSlugFree(dto.slug);
    if (dto.title !== undefined) template.title = dto.title.trim();
    if (dto.slug !== undefined) template.slug = dto.slug;
    if (dto.subject !== undefined) template.subject = dto.subject?.trim() || null;
    if (dto.body !== undefined) template.body = dto.body;
    if (dto.language !== undefined) template.language = dto.language;
    if (dto.queueId !== undefined) template.queueId = dto.queueId;
    if (dto.active !== undefined) template.active = dto.active;
    return this.templates.save(template).catch((error: unknown) => rethrowSlugTaken(error, template.slug));
  }

  async delete(id: string): Promise<void> {
    await this.get(id);
    await this.templates.delete(id);
  }

  /**
   * Renders a saved template or unsaved text for a ticket, or with example
   * values when no ticket is given: the live preview of the editor and of the
   * reply box. Placeholders are checked exactly as when saving.
   */
  async preview(dto: PreviewTemplateDto, actor: Actor): Promise<{ subject: string | null; body: string; placeholders: string[]; ticketId: string | null }> {
    // A switched-off template can still be previewed (e.g. while it is being prepared).
    const saved = dto.templateId ? await this.usable(dto.templateId, undefined, { inactiveToo: true }) : null;
    const source = {
      subject: dto.subject !== undefined ? dto.subject : (saved?.subject ?? null),
      body: dto.body ?? saved?.body ?? '',
    };
    const parsed = this.parseFields(source);
    const language = dto.language ?? saved?.language ?? 'pl';
    let values: Map<string, string>;
    let ticketId: string | null = null;
    if (dto.ticketId) {
      const ticket = await this.templates.ticketContext(dto.ticketId);
      if (!ticket) throw new TemplatesException(TemplatesErrorCode.TicketNotFound, `Ticket ${dto.ticketId} does not exist`);
      await this.access.assertCanSee(actor, ticket, dto.ticketId);
      values = this.ticketValues(ticket, language, actor.type === 'user' ? { name: actor.name } : null);
      const used = [...(parsed.subject?.placeholders ?? []), ...parsed.body.placeholders];
      await this.valueSources.fill(values, { ...ticket, latestCustomerText: await this.templates.latestCustomerText(ticket.id), preview: true }, language, used);
      ticketId = ticket.id;
    } else {
      values = examplePlaceholderValues(TEMPLATE_PLACEHOLDERS);
      if (actor.type === 'user') values.set('agent.name', actor.name);
    }
    const lineNeeds = ticketId ? (path: string) => this.valueSources.fills(path) : undefined;
    return {
      subject: parsed.subject ? renderTemplate(parsed.subject, values) : null,
      body: renderTemplate(parsed.body, values, { lineNeeds }),
      placeholders: [...new Set([...(parsed.subject?.placeholders ?? []), ...parsed.body.placeholders])],
      ticketId,
    };
  }

  /**
   * The template rendered for the ticket, read through `manager` (so it sees
   * the caller's transaction): what a reply by an agent or a rule sends.
   * `agent` fills {{agent.name}}; without one, the ticket's assignee does.
   * Throws TEMPLATE_UNAVAILABLE when the template does not exist or is
   * switched off, TICKET_NOT_FOUND when the ticket does not exist.
   * `preview` (a rule's dry run) renders it without anything written for it.
   */
  async renderForTicket(manager: EntityManager, templateId: string, ticketId: string, agent?: TemplateAgent | null, options: { preview?: boolean } = {}): Promise<RenderedTemplate> {
    const chosen = await this.usable(templateId, manager);
    const ticket = await this.templates.ticketContext(ticketId, manager);
    if (!ticket) throw new TemplatesException(TemplatesErrorCode.TicketNotFound, `Ticket ${ticketId} does not exist`);
    // An automatic answer (no agent) goes out in the customer's language when the template has a version in it.
    // (Not judged yet, e.g. on the ticket their first message opens: judged from that message.)
    const language = agent ? null : (ticket.customerLanguage ?? detectCustomerLanguage((await this.templates.latestCustomerText(ticket.id, manager)) ?? '') ?? 'pl');
    const template = language ? ((await this.templates.versionIn(chosen, language, manager)) ?? chosen) : chosen;
    const values = this.ticketValues(ticket, template.language, agent ?? null);
    // Saved texts were checked when saved; lenient parsing keeps one saved under an older placeholder list sendable.
    const subject = template.subject ? parseTemplateLenient(template.subject, TEMPLATE_PLACEHOLDERS) : null;
    const body = parseTemplateLenient(template.body, TEMPLATE_PLACEHOLDERS);
    const used = [...(subject?.placeholders ?? []), ...body.placeholders];
    if (used.some((path) => this.valueSources.fills(path))) {
      const latestCustomerText = await this.templates.latestCustomerText(ticket.id, manager);
      await this.valueSources.fill(values, { ...ticket, latestCustomerText, manager, preview: options.preview }, template.language, used);
    }
    const lineNeeds = (path: string) => this.valueSources.fills(path);
    return {
      subject: subject ? renderTemplate(subject, values) : null,
      body: renderTemplate(body, values, { lineNeeds }),
      templateId: template.id,
      title: template.title,
    };
  }

  /**
   * Active templates offered in the ticket's queue, ranked by how many (and
   * how weighty) words they share with the customer's latest message.
   */
  async suggestionsFor(ticketRef: string, limit: number, actor: Actor): Promise<{ template: TemplateEntity; score: number }[]> {
    const ticket = await this.templates.ticketContext(ticketRef);
    if (!ticket) throw new TemplatesException(TemplatesErrorCode.TicketNotFound, `Ticket ${ticketRef} does not exist`);
    await this.access.assertCanSee(actor, ticket, ticketRef);
    const text = await this.templates.latestCustomerText(ticket.id);
    const tsQuery = text === null ? null : buildSimilarityTsQuery(text);
    if (tsQuery === null) return [];
    return this.templates.rankBySimilarity(tsQuery, ticket.queueId, limit);
  }

  private async usable(templateId: string, manager?: EntityManager, options: { inactiveToo?: boolean } = {}): Promise<TemplateEntity> {
    const template = await this.templates.findById(templateId, manager);
    if (!template || (!template.active && !options.inactiveToo)) {
      const message = `templateId ${templateId} is not ${template ? 'an active' : 'an existing'} template`;
      throw new TemplatesException(TemplatesErrorCode.Unavailable, message, { fields: [{ field: 'templateId', errors: [message] }] });
    }
    return template;
  }

  private ticketValues(ticket: TicketRenderContext, language: TemplateLanguage, agent: TemplateAgent): Map<string, string> {
    return new Map([
      ['customer.name', ticket.customerName ?? ''],
      ['customer.email', ticket.customerEmail ?? ''],
      ['ticket.number', ticket.number],
      ['ticket.subject', ticket.subject],
      ['ticket.createdAt', formatTemplateDate(ticket.createdAt, this.config.timeZone, language)],
      ['ticket.firstResponseDueAt', ticket.firstResponseDueAt ? formatTemplateDate(ticket.firstResponseDueAt, this.config.timeZone, language) : ''],
      ['ticket.resolutionDueAt', ticket.resolutionDueAt ? formatTemplateDate(ticket.resolutionDueAt, this.config.timeZone, language) : ''],
      ['agent.name', agent?.name ?? ticket.assigneeName ?? ''],
      ['queue.name', ticket.queueName ?? ''],
    ]);
  }

  /** Parses the given fields (undefined: not being changed); any problem is a 400 naming the field and each placeholder. */
  private parseFields(fields: { subject?: string | null; body?: string }): { subject: ParsedTemplate | null; body: ParsedTemplate } {
    const problems: FieldTemplateProblem[] = [];
    const parse = (field: TemplateField, text: string | null | undefined): ParsedTemplate | null => {
      if (text === undefined || text === null) return null;
      const result = parseTemplate(text, TEMPLATE_PLACEHOLDERS);
      if (result.ok) return result.template;
      problems.push(...result.problems.map((problem) => ({ field, problem })));
      return null;
    };
    const subject = parse('subject', fields.subject);
    const body = parse('body', fields.body);
    if (problems.length) {
      const { message, fields: failing, placeholders } = templateProblemDetails(problems);
      throw new TemplatesException(TemplatesErrorCode.InvalidPlaceholder, message, { fields: failing, placeholders });
    }
    return { subject, body: body ?? { segments: [], placeholders: [] } };
  }

  private async assertSlugFree(slug: string): Promise<void> {
    if (await this.templates.slugExists(slug)) throw slugTaken(slug);
  }

  /** `base`, or `base-2`, `base-3`, … whichever is free first. */
  private async freeSlug(base: string): Promise<string> {
    const taken = await this.templates.slugsLike(base);
    if (!taken.has(base)) return base;
    for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

function slugTaken(slug: string): TemplatesException {
  const message = `slug ${slug} belongs to another template`;
  return new TemplatesException(TemplatesErrorCode.SlugTaken, message, { fields: [{ field: 'slug', errors: [message] }] });
}

/** A concurrent request may take the slug between our check and our write; the unique index then answers. */
function rethrowSlugTaken(error: unknown, slug: string): never {
  if ((error as { code?: string }).code === '23505') throw slugTaken(slug);
  throw error;
}
