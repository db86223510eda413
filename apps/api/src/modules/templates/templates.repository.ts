import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { buildPrefixTsQuery, type TemplateLanguage } from '@okienko/domain';
import { EntityManager, Repository } from 'typeorm';
import { TemplateEntity } from './entities/template.entity.js';

export interface ListTemplatesFilter {
  q?: string;
  queueId?: string;
  language?: TemplateLanguage;
  active?: boolean;
  limit: number;
  offset: number;
}

/** What the placeholders of a ticket are filled from, read in one query. */
export interface TicketRenderContext {
  id: string;
  number: string;
  subject: string;
  createdAt: Date;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  queueId: string | null;
  queueName: string | null;
  customerName: string | null;
  customerEmail: string | null;
  /** What the customer is written to in (null: not known yet). */
  customerLanguage: 'pl' | 'en' | null;
  assigneeId: string | null;
  assigneeName: string | null;
}

interface TicketRenderRow {
  id: string;
  number: string;
  subject: string;
  created_at: Date;
  first_response_due_at: Date | null;
  resolution_due_at: Date | null;
  queue_id: string | null;
  queue_name: string | null;
  customer_name: string | null;
  customer_email: string | null;
  customer_language: 'pl' | 'en' | null;
  assignee_id: string | null;
  assignee_name: string | null;
}

const TICKET_NUMBER = /^\d{4}-\d{6,}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Templates, plus the read-only look at tickets, customers, queues and users
 * that rendering and suggestions need (by SQL, so this module never depends
 * on the tickets module, which depends on it).
 */
@Injectable()
export class TemplatesRepository {
  constructor(@InjectRepository(TemplateEntity) private readonly templates: Repository<TemplateEntity>) {}

  /** The template, or null (also for an id that is no UUID, e.g. from a hand-written rule). */
  /**
   * The active version in `language` of a template: the template itself, the
   * one it is a version of, or another version of that one. Null: none.
   */
  async versionIn(template: TemplateEntity, language: string, manager: EntityManager = this.templates.manager): Promise<TemplateEntity | null> {
    if (template.language === language) return template;
    const base = template.variantOf ?? template.id;
    return manager
      .createQueryBuilder(TemplateEntity, 't')
      .where('t.active AND t.language = :language AND (t.id = :base OR t.variant_of = :base)', { language, base })
      .orderBy('t.created_at')
      .getOne();
  }

  findById(id: string, manager: EntityManager = this.templates.manager): Promise<TemplateEntity | null> {
    return UUID.test(id) ? manager.findOneBy(TemplateEntity, { id }) : Promise.resolve(null);
  }

  async slugExists(slug: string): Promise<boolean> {
    return this.templates.existsBy({ slug });
  }

  /** Slugs taken among `base` and `base-<n>`. */
  async slugsLike(base: string): Promise<Set<string>> {
    const rows: { slug: string }[] = await this.templates.query(
      `SELECT slug FROM templates WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')`,
      [base],
    );
    return new Set(rows.map((r) => r.slug));
  }

  /** One page of templates matching the filter (by title), and how many match in all. */
  list(filter: ListTemplatesFilter): Promise<[TemplateEntity[], number]> {
    const query = this.templates.createQueryBuilder('t');
    if (filter.queueId) query.andWhere('(t.queue_id IS NULL OR t.queue_id = :queueId)', { queueId: filter.queueId });
    if (filter.language) query.andWhere('t.language = :language', { language: filter.language });
    if (filter.active !== undefined) query.andWhere('t.active = :active', { active: filter.active });
    if (filter.q !== undefined) {
      const tsQuery = buildPrefixTsQuery(filter.q);
      if (tsQuery === null) query.andWhere('false');
      else query.andWhere(`t.search_vector @@ to_tsquery('simple', okienko_unaccent(:tsQuery))`, { tsQuery });
    }
    return query.orderBy('t.title', 'ASC').addOrderBy('t.id', 'ASC').take(filter.limit).skip(filter.offset).getManyAndCount();
  }

  insert(template: Partial<TemplateEntity>): Promise<TemplateEntity> {
    return this.templates.save(this.templates.create(template));
  }

  save(template: TemplateEntity): Promise<TemplateEntity> {
    return this.templates.save(template);
  }

  async delete(id: string): Promise<void> {
    await this.templates.delete({ id });
  }

  /** A ticket (by id or number) with its customer, queue and assignee names, or null. */
  async ticketContext(ref: string, manager: EntityManager = this.templates.manager): Promise<TicketRenderContext | null> {
    if (!TICKET_NUMBER.test(ref) && !UUID.test(ref)) return null;
    const rows: TicketRenderRow[] = await manager.query(
      `SELECT t.id, t.number, t.subject, t.created_at, t.queue_id, q.name AS queue_name,
              -- A deadline already met (first response given) is no longer promised.
              CASE WHEN t.first_response_at IS NULL THEN t.first_response_due_at END AS first_response_due_at,
              CASE WHEN t.resolved_at IS NULL THEN t.resolution_due_at END AS resolution_due_at,
              c.name AS customer_name, c.email AS customer_email, c.language AS customer_language, t.assignee_id, u.name AS assignee_name
       FROM tickets t
       JOIN customers c ON c.id = t.customer_id
       LEFT JOIN queues q ON q.id = t.queue_id
       LEFT JOIN users u ON u.id = t.assignee_id
       WHERE ${TICKET_NUMBER.test(ref) ? 't.number = $1' : 't.id = $1'}`,
      [ref],
    );
    const row = rows[0];
    return row
      ? {
          id: row.id, number: row.number, subject: row.subject, createdAt: row.created_at, queueId: row.queue_id, queueName: row.queue_name,
          firstResponseDueAt: row.first_response_due_at, resolutionDueAt: row.resolution_due_at,
          customerName: row.customer_name, customerEmail: row.customer_email, customerLanguage: row.customer_language, assigneeId: row.assignee_id, assigneeName: row.assignee_name,
        }
      : null;
  }

  /** Subject and text of the customer's latest own message on the ticket (not auto-replies), or null. */
  async latestCustomerText(ticketId: string, manager: EntityManager = this.templates.manager): Promise<string | null> {
    const rows: { subject: string | null; text: string }[] = await manager.query(
      `SELECT m.subject, left(coalesce(nullif(m.visible_text, ''), m.body_text), 20000) AS text
       FROM messages m
       WHERE m.ticket_id = $1 AND m.direction = 'inbound' AND NOT m.automated
       ORDER BY m.created_at DESC, m.id DESC
       LIMIT 1`,
      [ticketId],
    );
    return rows[0] ? `${rows[0].subject ?? ''}\n${rows[0].text}` : null;
  }

  /**
   * Active templates offered in the queue (its own and those for every queue)
   * that share words with `tsQuery`, ranked by ts_rank (title counts more than
   * body), best first.
   */
  async rankBySimilarity(tsQuery: string, queueId: string | null, limit: number): Promise<{ template: TemplateEntity; score: number }[]> {
    const { entities, raw } = await this.templates
      .createQueryBuilder('t')
      .addSelect(`ts_rank(t.search_vector, to_tsquery('simple', okienko_unaccent(:tsQuery)))`, 'score')
      .where('t.active')
      .andWhere('(t.queue_id IS NULL OR t.queue_id = :queueId)', { queueId })
      .andWhere(`t.search_vector @@ to_tsquery('simple', okienko_unaccent(:tsQuery))`, { tsQuery })
      .orderBy('score', 'DESC')
      .addOrderBy('t.title', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .limit(limit)
      .getRawAndEntities<{ t_id: string; score: number }>();
    const scores = new Map(raw.map((row) => [row.t_id, Number(row.score)]));
    return entities.map((template) => ({ template, score: scores.get(template.id) ?? 0 }));
  }
}
