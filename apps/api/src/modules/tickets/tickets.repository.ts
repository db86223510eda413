import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buildPrefixTsQuery } from '@okienko/domain';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import { createBatcher } from '../../core/batching/batcher.js';
import { preparedQuery } from '../../core/database/prepared-query.js';
import type { DraftCustomer } from './automation/ticket-automation.hooks.js';
import type { ListTicketsFilter, TodayFilter } from './list-tickets-filter.js';
import { NEAREST_DUE_SQL, SLA_STATE_SQL } from './ticket-sla-sql.js';
import { AttachmentEntity } from './entities/attachment.entity.js';
import { MessageEntity } from './entities/message.entity.js';
import { TicketEventEntity } from './entities/ticket-event.entity.js';
import { TicketEntity } from './entities/ticket.entity.js';

/**
 * Selected as `sort_key`. None may be written as `t.<property>`: TypeORM would
 * take that for the entity's own column under another alias and leave the
 * property out of the loaded tickets (sorting by number answered no numbers).
 */
const SORT_COLUMNS = {
  createdAt: 't.created_at',
  updatedAt: 't.updated_at',
  number: '(t.number)',
  priority: `(CASE t.priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END)`,
  dueAt: NEAREST_DUE_SQL,
} as const;

/** A search for one ticket number, as typed or copied from a subject tag: `2026-000123`, `#2026-000123`, `[#2026-000123]`. */
const TICKET_NUMBER_QUERY = /^\s*\[?#?(\d{4}-\d{6,})\]?\s*$/;

/** A ticket's satisfaction survey as the ticket read shows it. */
export interface TicketSurveyRow {
  kind: 'csat' | 'nps';
  score: number | null;
  comment: string | null;
  sentAt: Date;
  expiresAt: Date;
  answeredAt: Date | null;
}

export type NewTicketEvent = Omit<TicketEventEntity, 'id' | 'createdAt'>;

export interface NewAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
  sha256: string;
  contentId: string | null;
  inline: boolean;
}

@Injectable()
export class TicketsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Senders of mails being filed at the same moment, looked up together (one round trip for many mails). */
  private readonly customersByEmail = createBatcher((emails: string[]) => this.draftCustomers(emails), { maxBatch: 100, maxInFlight: 2 });

  /** The customer holding this e-mail identity, as the automations look at a new mail's sender (null when new). */
  draftCustomer(email: string): Promise<DraftCustomer | null> {
    return this.customersByEmail(email);
  }

  private async draftCustomers(emails: string[]): Promise<(DraftCustomer | null)[]> {
    const rows = await preparedQuery<{ key: string; name: string | null; email: string | null; tags: string[]; external_ids: Record<string, string> }>(
      this.dataSource,
      'okienko_draft_customers',
      `SELECT ci.value AS key, c.name, c.email, c.tags, c.external_ids
         FROM customer_identities ci JOIN customers c ON c.id = ci.customer_id
        WHERE ci.kind = 'email' AND ci.source = '' AND ci.value = ANY($1::text[])`,
      [[...new Set(emails.map((e) => e.toLowerCase()))]],
    );
    const found = new Map(rows.map((r) => [r.key, { name: r.name, email: r.email, tags: r.tags, externalIds: r.external_ids }]));
    return emails.map((e) => found.get(e.toLowerCase()) ?? null);
  }

  /**
   * The next sequence number of a year, from the sequence `ticket_number_<year>`.
   * Sequences are outside transactions: concurrent ticket creation never waits
   * on one, and a rolled-back ticket leaves a gap, which numbering tolerates.
   */
  async nextSequence(year: number, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const sequence = await this.ensureSequence(year);
    const rows: { value: string }[] = await manager.query(`SELECT nextval($1::regclass) AS value`, [sequence]);
    return Number(rows[0].value);
  }

  /** The name of the year's number sequence, created once per year and process (outside any transaction). */
  async ensureSequence(year: number): Promise<string> {
    const sequence = `ticket_number_${Math.trunc(year)}`;
    if (!this.knownSequences.has(sequence)) {
      // IF NOT EXISTS makes it safe for every instance.
      await this.dataSource.query(`CREATE SEQUENCE IF NOT EXISTS ${sequence} AS bigint`).catch((error: { code?: string }) => {
        if (error.code !== '23505' && error.code !== '42P07') throw error; // created by another instance just now
      });
      this.knownSequences.add(sequence);
    }
    return sequence;
  }

  private readonly knownSequences = new Set<string>();

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<TicketEntity | null> {
    return manager.findOneBy(TicketEntity, { id });
  }

  findByNumber(number: string): Promise<TicketEntity | null> {
    return this.dataSource.manager.findOneBy(TicketEntity, { number });
  }

  /** The ticket, locked until the transaction ends, so concurrent changes apply one after another. */
  findForUpdate(manager: EntityManager, id: string): Promise<TicketEntity | null> {
    return manager.getRepository(TicketEntity).createQueryBuilder('t').setLock('pessimistic_write').where('t.id = :id', { id }).getOne();
  }

  insertTicket(manager: EntityManager, ticket: Partial<TicketEntity>): Promise<TicketEntity> {
    return manager.save(manager.create(TicketEntity, { inboundAddresses: [], previousTicketId: null, ...ticket }));
  }

  async updateTicket(manager: EntityManager, id: string, patch: Partial<TicketEntity>): Promise<void> {
    await manager.update(TicketEntity, { id }, patch);
  }

  insertMessage(manager: EntityManager, message: Partial<MessageEntity>): Promise<MessageEntity> {
    const defaults: Partial<MessageEntity> = {
      automated: false, deliveryAttempts: 0, visibleText: null, sentAt: null, inboundMailId: null, purpose: 'conversation',
    };
    return manager.save(manager.create(MessageEntity, { ...defaults, ...message }));
  }

  async insertEvents(manager: EntityManager, events: NewTicketEvent[]): Promise<void> {
    if (events.length) await manager.insert(TicketEventEntity, events as QueryDeepPartialEntity<TicketEventEntity>[]);
  }

  /** The message carrying this e-mail Message-ID, if any (ours or a customer's). */
  findMessageByMessageId(manager: EntityManager, messageId: string): Promise<MessageEntity | null> {
    return manager.findOneBy(MessageEntity, { messageId });
  }

  /** The ticket of the newest message carrying one of these Message-IDs. */
  async findTicketIdByMessageIds(manager: EntityManager, messageIds: string[]): Promise<string | null> {
    if (!messageIds.length) return null;
    const row = await manager
      .getRepository(MessageEntity)
      .createQueryBuilder('m')
      .select('m.ticket_id', 'ticketId')
      .where('m.message_id IN (:...messageIds)', { messageIds })
      .orderBy('m.created_at', 'DESC')
      .limit(1)
      .getRawOne<{ ticketId: string }>();
    return row?.ticketId ?? null;
  }

  /** The newest mail of a ticket that went out to the customer (sent, not bounced yet). */
  findNewestSentMessage(manager: EntityManager, ticketId: string): Promise<MessageEntity | null> {
    return manager.findOne(MessageEntity, { where: { ticketId, direction: 'outbound', deliveryState: 'sent' }, order: { createdAt: 'DESC' } });
  }

  findByNumberIn(manager: EntityManager, numbers: string[]): Promise<TicketEntity | null> {
    if (!numbers.length) return Promise.resolve(null);
    return manager.getRepository(TicketEntity).findOne({ where: { number: In(numbers) }, order: { createdAt: 'DESC' } });
  }

  async addInboundAddresses(manager: EntityManager, ticketId: string, addresses: string[]): Promise<void> {
    if (!addresses.length) return;
    await manager.query(
      `UPDATE tickets SET inbound_addresses = ARRAY(SELECT DISTINCT unnest(inbound_addresses || $2::text[])) WHERE id = $1`,
      [ticketId, addresses],
    );
  }

  /** Stores attachment bytes once per content (by SHA-256) and links them to the message. */
  async insertAttachments(manager: EntityManager, messageId: string, files: NewAttachment[]): Promise<void> {
    for (const file of files) {
      await manager.query(
        `INSERT INTO attachment_blobs (sha256, size, content) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING`,
        [file.sha256, file.content.length, file.content],
      );
      await manager.insert(AttachmentEntity, {
        messageId,
        blobSha256: file.sha256,
        filename: file.filename,
        contentType: file.contentType,
        size: file.content.length,
        contentId: file.contentId,
        inline: file.inline,
      });
    }
  }

  findMessage(id: string): Promise<MessageEntity | null> {
    return this.dataSource.manager.findOneBy(MessageEntity, { id });
  }

  async updateMessageIn(manager: EntityManager, id: string, patch: Partial<MessageEntity>): Promise<void> {
    await manager.update(MessageEntity, { id }, patch);
  }

  async updateMessage(id: string, patch: Partial<MessageEntity>): Promise<void> {
    await this.dataSource.manager.update(MessageEntity, { id }, patch);
  }

  /** Marks a message sending unless it is sent (or bounced) already; false when there is nothing to send. */
  async claimForSending(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      // Wrapped in a CTE so the driver answers plain rows (a bare UPDATE answers [rows, count]).
      `WITH claimed AS (
         UPDATE messages SET delivery_state = 'sending', delivery_attempts = delivery_attempts + 1
         WHERE id = $1 AND delivery_state IN ('queued', 'sending', 'failed') RETURNING id)
       SELECT id FROM claimed`,
      [id],
    );
    return rows.length > 0;
  }

  /** The customer's latest mail on the ticket: what a reply answers. */
  latestInbound(manager: EntityManager, ticketId: string): Promise<MessageEntity | null> {
    return manager.findOne(MessageEntity, {
      where: { ticketId, direction: 'inbound', automated: false },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** Whether the ticket has an answer to the customer already (e.g. a rule's automatic answer). */
  hasCustomerAnswer(ticketId: string): Promise<boolean> {
    return this.dataSource.manager.exists(MessageEntity, { where: { ticketId, direction: 'outbound', purpose: 'conversation' } });
  }

  /** Outbound messages waiting to be sent, e.g. after a restart. */
  async pendingOutboundIds(limit: number): Promise<string[]> {
    const rows = await this.dataSource.manager.find(MessageEntity, {
      select: { id: true },
      where: [{ deliveryState: 'queued' }, { deliveryState: 'sending' }],
      order: { createdAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  messagesOf(ticketId: string): Promise<MessageEntity[]> {
    return this.dataSource.manager.find(MessageEntity, { where: { ticketId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findAttachment(ticketId: string, attachmentId: string): Promise<AttachmentEntity | null> {
    return this.dataSource.manager
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .innerJoin(MessageEntity, 'm', 'm.id = a.message_id')
      .where('a.id = :attachmentId AND m.ticket_id = :ticketId', { attachmentId, ticketId })
      .getOne();
  }

  async attachmentContent(sha256: string): Promise<Buffer> {
    const rows: { content: Buffer }[] = await this.dataSource.query(`SELECT content FROM attachment_blobs WHERE sha256 = $1`, [sha256]);
    return rows[0].content;
  }

  attachmentsOf(messageIds: string[]): Promise<AttachmentEntity[]> {
    if (!messageIds.length) return Promise.resolve([]);
    return this.dataSource.manager.find(AttachmentEntity, { where: { messageId: In(messageIds) }, order: { createdAt: 'ASC' } });
  }

  /** The names of SLA policies by id (what ticket reads show next to the deadlines). */
  async slaPolicyNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = (await this.dataSource.query(`SELECT id, name FROM sla_policies WHERE id = ANY($1::uuid[])`, [ids])) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The ticket's satisfaction survey (one at most), or null. */
  async surveyOf(ticketId: string): Promise<TicketSurveyRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT kind, score, comment, sent_at, expires_at, answered_at FROM surveys WHERE ticket_id = $1`,
      [ticketId],
    )) as { kind: 'csat' | 'nps'; score: number | null; comment: string | null; sent_at: Date; expires_at: Date; answered_at: Date | null }[];
    const row = rows[0];
    return row
      ? { kind: row.kind, score: row.score, comment: row.comment, sentAt: row.sent_at, expiresAt: row.expires_at, answeredAt: row.answered_at }
      : null;
  }

  eventsOf(ticketId: string): Promise<TicketEventEntity[]> {
    return this.dataSource.manager.find(TicketEventEntity, { where: { ticketId }, order: { id: 'ASC' } });
  }

  /** One page of tickets matching the filter, and how many match in all. */
  async list(filter: ListTicketsFilter): Promise<[TicketEntity[], number]> {
    const page = this.filtered(filter);
    const [column, direction] = filter.sort.startsWith('-')
      ? [filter.sort.slice(1) as keyof typeof SORT_COLUMNS, 'DESC' as const]
      : [filter.sort as keyof typeof SORT_COLUMNS, 'ASC' as const];
    page
      .addSelect(SORT_COLUMNS[column], 'sort_key')
      // Tickets without a running deadline come last either way.
      .orderBy('sort_key', direction, column === 'dueAt' ? 'NULLS LAST' : undefined)
      .addOrderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .offset(filter.offset)
      .limit(filter.limit);
    const [items, count] = await Promise.all([
      page.getMany(),
      this.filtered(filter).select('count(*)', 'count').getRawOne<{ count: string }>(),
    ]);
    return [items, Number(count?.count ?? 0)];
  }

  /**
   * The unresolved tickets of a "today" view: urgent and breached first, then
   * by the nearest deadline, then the rest oldest first; `assigneeId` keeps
   * one agent's, `memberId` those in the queues the user is a member or lead of.
   */
  async today(filter: TodayFilter): Promise<[TicketEntity[], number]> {
    const scoped = () => {
      const q = this.dataSource.manager.getRepository(TicketEntity).createQueryBuilder('t').where(`t.status NOT IN ('resolved', 'closed')`);
      if (filter.access) q.andWhere(filter.access.sql, filter.access.parameters);
      if (filter.assigneeId) q.andWhere('t.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
      if (filter.memberId) {
        q.andWhere(
          `t.queue_id IN (SELECT m.queue_id FROM queue_members m WHERE m.user_id = :memberId UNION SELECT l.id FROM queues l WHERE l.lead_id = :memberId)`,
          { memberId: filter.memberId },
        );
      }
      return q;
    };
    const page = scoped()
      .addSelect(`(CASE WHEN t.priority = 'urgent' OR ${SLA_STATE_SQL} = 'breached' THEN 0 ELSE 1 END)`, 'first_key')
      .addSelect(NEAREST_DUE_SQL, 'due_key')
      .orderBy('first_key', 'ASC')
      .addOrderBy('due_key', 'ASC', 'NULLS LAST')
      .addOrderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .offset(filter.offset)
      .limit(filter.limit);
    const [items, count] = await Promise.all([page.getMany(), scoped().select('count(*)', 'count').getRawOne<{ count: string }>()]);
    return [items, Number(count?.count ?? 0)];
  }

  private filtered(filter: ListTicketsFilter): SelectQueryBuilder<TicketEntity> {
    const q = this.dataSource.manager.getRepository(TicketEntity).createQueryBuilder('t');
    if (filter.access) q.andWhere(filter.access.sql, filter.access.parameters);
    if (filter.status?.length) q.andWhere('t.status IN (:...status)', { status: filter.status });
    if (filter.priority?.length) q.andWhere('t.priority IN (:...priority)', { priority: filter.priority });
    if (filter.queueId === null) q.andWhere('t.queue_id IS NULL');
    else if (filter.queueId) q.andWhere('t.queue_id = :queueId', { queueId: filter.queueId });
    if (filter.categoryId) q.andWhere('t.category_id = :categoryId', { categoryId: filter.categoryId });
    if (filter.assigneeId === null) q.andWhere('t.assignee_id IS NULL');
    else if (filter.assigneeId) q.andWhere('t.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.channel) q.andWhere('t.channel = :channel', { channel: filter.channel });
    if (filter.customerId) q.andWhere('t.customer_id = :customerId', { customerId: filter.customerId });
    if (filter.tag) q.andWhere('t.tags @> ARRAY[:tag]::text[]', { tag: filter.tag }); // @> can use the GIN index
    if (filter.createdFrom) q.andWhere('t.created_at >= :createdFrom', { createdFrom: filter.createdFrom });
    if (filter.createdTo) q.andWhere('t.created_at < :createdTo', { createdTo: filter.createdTo });
    if (filter.slaState?.length) q.andWhere(`${SLA_STATE_SQL} IN (:...slaState)`, { slaState: filter.slaState });
    if (filter.dueBefore) q.andWhere(`${NEAREST_DUE_SQL} < :dueBefore`, { dueBefore: filter.dueBefore });
    if (filter.q !== undefined) {
      // The text parser reads `2026-000123` as 2026 and -000123, which no word query matches: a number is looked up as such.
      const number = TICKET_NUMBER_QUERY.exec(filter.q)?.[1];
      const tsQuery = buildPrefixTsQuery(filter.q);
      if (number !== undefined) {
        q.andWhere('t.number = :number', { number });
      } else if (tsQuery === null) {
        q.andWhere('false');
      } else {
        q.andWhere(`t.search_vector @@ to_tsquery('simple', okienko_unaccent(:tsQuery))`, { tsQuery });
      }
    }
    return q;
  }
}
