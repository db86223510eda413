import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buildPrefixTsQuery } from '@okienko/domain';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import { createBatcher } from '../../core/batching/batcher.js';
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

/** A new mail's ticket, message and audit events, written in one statement. */
export interface NewInboundTicket {
  year: number;
  subject: string;
  priority: TicketEntity['priority'];
  queueId: string | null;
  categoryId: string | null;
  assigneeId: string | null;
  tags: string[];
  inboundAddresses: string[];
  createdAt: Date;
  /** The SLA columns of a new ticket (from the automations' plan): policy, deadlines, warning times, the next check. */
  deadlines: Pick<
    TicketEntity,
    'slaPolicyId' | 'firstResponseDueAt' | 'firstResponseWarnAt' | 'resolutionDueAt' | 'resolutionWarnAt' | 'statutoryDueAt' | 'slaNextCheckAt'
  >;
  customer: { email: string; name: string | null };
  /** The inbound mail's row (`message.inboundMailId`) is marked processed with these. */
  record: { messageId: string; subject: string | null; fromAddress: string | null };
  message: Pick<
    MessageEntity,
    'fromAddress' | 'toAddresses' | 'ccAddresses' | 'subject' | 'bodyText' | 'visibleText' | 'bodyHtml' | 'messageId' | 'inReplyTo' | 'references' | 'automated' | 'inboundMailId'
  >;
  /** In order; `by_customer` events are the customer's (filled in once the customer row exists); `created` gets the number. */
  events: {
    ord: number; type: string; actor_type: string; actor_id: string | null; actor_name: string | null; by_customer: boolean;
    field: string | null; old_value: unknown; new_value: unknown;
  }[];
}

export interface InsertedInboundTicket {
  ticketId: string;
  number: string;
  messageId: string;
  customer: { id: string; name: string | null; email: string };
}

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

  /** The customer with this e-mail, as the automations look at a new mail's sender (null when new). */
  draftCustomer(email: string): Promise<DraftCustomer | null> {
    return this.customersByEmail(email);
  }

  private async draftCustomers(emails: string[]): Promise<(DraftCustomer | null)[]> {
    const rows = (await this.dataSource.query(
      `SELECT lower(email) AS key, name, email, tags, external_ids FROM customers WHERE lower(email) = ANY($1::text[])`,
      [[...new Set(emails.map((e) => e.toLowerCase()))]],
    )) as { key: string; name: string | null; email: string | null; tags: string[]; external_ids: Record<string, string> }[];
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
  private async ensureSequence(year: number): Promise<string> {
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

  /**
   * Opens a ticket for a new mail in one statement: the customer (found or
   * created by e-mail), the ticket with the next number of the year, its
   * message and its audit events, and the inbound mail marked processed. One
   * round trip instead of a transaction of ten: the common case of inbound mail. A Message-ID stored already fails
   * it with 23505 (the caller then takes the general path).
   */
  async insertInboundTicket(ticket: NewInboundTicket): Promise<InsertedInboundTicket> {
    const sequence = await this.ensureSequence(ticket.year);
    const m = ticket.message;
    const rows = (await this.dataSource.query(
      `WITH customer AS (
         INSERT INTO customers (email, name, phones) VALUES ($1, $2, '{}')
         ON CONFLICT ((lower(email))) DO UPDATE SET
           name = COALESCE(customers.name, EXCLUDED.name),
           updated_at = CASE WHEN customers.name IS NULL AND EXCLUDED.name IS NOT NULL THEN now() ELSE customers.updated_at END
         RETURNING id, name, email),
       numbered AS (SELECT nextval($3::regclass)::text AS n),
       ticket AS (
         INSERT INTO tickets (number, subject, status, priority, channel, queue_id, category_id, assignee_id, customer_id, tags,
                              inbound_addresses, last_inbound_at, created_at, updated_at, status_changed_at,
                              sla_policy_id, first_response_due_at, first_response_warn_at, resolution_due_at, resolution_warn_at,
                              statutory_due_at, sla_next_check_at)
         SELECT $4::text || '-' || CASE WHEN length(numbered.n) >= 6 THEN numbered.n ELSE lpad(numbered.n, 6, '0') END,
                $5, 'new', $6, 'email', $7, $8, $9, customer.id, $10, $11, $12, $12, $12, $12,
                $29::uuid, $30::timestamptz, $31::timestamptz, $32::timestamptz, $33::timestamptz, $34::timestamptz, $35::timestamptz
           FROM customer, numbered
         RETURNING id, number),
       message AS (
         INSERT INTO messages (ticket_id, direction, author_customer_id, from_address, to_addresses, cc_addresses, subject, body_text,
                               visible_text, body_html, message_id, in_reply_to, "references", delivery_state, automated,
                               inbound_mail_id, created_at)
         SELECT ticket.id, 'inbound', customer.id, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, 'received', $23, $24, $12
           FROM ticket, customer
         RETURNING id),
       events AS (
         INSERT INTO ticket_events (ticket_id, type, actor_type, actor_id, actor_name, field, old_value, new_value)
         SELECT ticket.id, e.type, e.actor_type,
                CASE WHEN e.by_customer THEN customer.id::text ELSE e.actor_id END,
                CASE WHEN e.by_customer THEN COALESCE(customer.name, customer.email) ELSE e.actor_name END,
                e.field, e.old_value,
                CASE WHEN e.type = 'created' THEN e.new_value || jsonb_build_object('number', ticket.number) ELSE e.new_value END
           FROM ticket, customer, jsonb_to_recordset($25::jsonb)
             AS e(ord int, type text, actor_type text, actor_id text, actor_name text, by_customer boolean, field text, old_value jsonb, new_value jsonb)
          ORDER BY e.ord
         RETURNING 1),
       mail AS (
         UPDATE inbound_mails SET state = 'processed', outcome = 'new_ticket', ticket_id = ticket.id, processed_at = now(),
                message_id = $26, subject = $27, from_address = $28
           FROM ticket WHERE inbound_mails.id = $24
         RETURNING 1)
       SELECT ticket.id AS ticket_id, ticket.number, message.id AS message_id, customer.id AS customer_id,
              customer.name AS customer_name, customer.email AS customer_email, (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM mail)::int AS mails
         FROM ticket, message, customer`,
      [
        ticket.customer.email, ticket.customer.name, sequence, String(ticket.year), ticket.subject, ticket.priority, ticket.queueId,
        ticket.categoryId, ticket.assigneeId, ticket.tags, ticket.inboundAddresses, ticket.createdAt,
        m.fromAddress, m.toAddresses, m.ccAddresses, m.subject, m.bodyText, m.visibleText, m.bodyHtml, m.messageId, m.inReplyTo,
        m.references, m.automated, m.inboundMailId, JSON.stringify(ticket.events),
        ticket.record.messageId, ticket.record.subject, ticket.record.fromAddress,
        ticket.deadlines.slaPolicyId, ticket.deadlines.firstResponseDueAt, ticket.deadlines.firstResponseWarnAt, ticket.deadlines.resolutionDueAt,
        ticket.deadlines.resolutionWarnAt, ticket.deadlines.statutoryDueAt, ticket.deadlines.slaNextCheckAt,
      ],
    )) as { ticket_id: string; number: string; message_id: string; customer_id: string; customer_name: string | null; customer_email: string }[];
    const row = rows[0];
    return {
      ticketId: row.ticket_id, number: row.number, messageId: row.message_id,
      customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    };
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
