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
    'fromAddress' | 'toAddresses' | 'ccAddresses' | 'replyToAddresses' | 'subject' | 'bodyText' | 'visibleText' | 'bodyHtml' | 'messageId' | 'inReplyTo' | 'references' | 'automated' | 'inboundMailId' | 'authentication'
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
   * Opens tickets for new mails in one statement: the customers (found by any
   * of their e-mail identities or created with that identity, each once
   * however many of the mails they wrote), the
   * tickets with the next numbers of their year, their messages and audit
   * events, and the inbound mails marked processed. One round trip for a
   * whole batch instead of a transaction of ten per mail: the common case of
   * inbound mail. A Message-ID stored already fails the statement with 23505,
   * and any other refused value fails it too: the caller then files the
   * mails one by one. Answers one result per ticket, in order.
   */
  async insertInboundTickets(tickets: readonly NewInboundTicket[]): Promise<InsertedInboundTicket[]> {
    if (!tickets.length) return [];
    for (const year of new Set(tickets.map((t) => t.year))) await this.ensureSequence(year);
    const rows = tickets.map((ticket, ord) => {
      const m = ticket.message;
      const d = ticket.deadlines;
      return {
        ord, ticket_id: randomUUID(), message_row_id: randomUUID(), email: ticket.customer.email, name: ticket.customer.name,
        sequence: `ticket_number_${Math.trunc(ticket.year)}`, year: String(ticket.year), subject: ticket.subject, priority: ticket.priority,
        queue_id: ticket.queueId, category_id: ticket.categoryId, assignee_id: ticket.assigneeId, tags: ticket.tags,
        inbound_addresses: ticket.inboundAddresses, created_at: ticket.createdAt,
        from_address: m.fromAddress, to_addresses: m.toAddresses, cc_addresses: m.ccAddresses, reply_to_addresses: m.replyToAddresses, message_subject: m.subject,
        // A mail without quoted history has the same visible text as body: sent once, not twice.
        body_text: m.bodyText, visible_is_body: m.visibleText === m.bodyText, visible_text: m.visibleText === m.bodyText ? null : m.visibleText,
        body_html: m.bodyHtml, message_id: m.messageId, in_reply_to: m.inReplyTo,
        references: m.references, automated: m.automated, inbound_mail_id: m.inboundMailId, authentication: m.authentication,
        record_message_id: ticket.record.messageId, record_subject: ticket.record.subject, record_from_address: ticket.record.fromAddress,
        sla_policy_id: d.slaPolicyId, first_response_due_at: d.firstResponseDueAt, first_response_warn_at: d.firstResponseWarnAt,
        resolution_due_at: d.resolutionDueAt, resolution_warn_at: d.resolutionWarnAt, statutory_due_at: d.statutoryDueAt,
        sla_next_check_at: d.slaNextCheckAt,
      };
    });
    const events = tickets.flatMap((ticket, i) => ticket.events.map((e) => ({ ...e, ticket_id: rows[i].ticket_id, mail_ord: i })));
    // Prepared: planned once per connection instead of once per batch (about a millisecond each time).
    const found = await preparedQuery<{ ord: number; ticket_id: string; number: string; message_id: string; customer_id: string; customer_name: string | null; customer_email: string }>(
      this.dataSource,
      'okienko_insert_inbound_tickets',
      `WITH input AS MATERIALIZED (
         SELECT * FROM json_to_recordset($1::json) AS i(
           ord int, ticket_id uuid, message_row_id uuid, email text, name text, sequence text, year text, subject text, priority text,
           queue_id uuid, category_id uuid, assignee_id uuid, tags text[], inbound_addresses text[], created_at timestamptz,
           from_address text, to_addresses text[], cc_addresses text[], reply_to_addresses text[], message_subject text, body_text text, visible_is_body boolean, visible_text text,
           body_html text, message_id text, in_reply_to text, "references" text[], automated boolean, inbound_mail_id uuid, authentication jsonb,
           record_message_id text, record_subject text, record_from_address text,
           sla_policy_id uuid, first_response_due_at timestamptz, first_response_warn_at timestamptz, resolution_due_at timestamptz,
           resolution_warn_at timestamptz, statutory_due_at timestamptz, sla_next_check_at timestamptz)),
       sender AS MATERIALIZED (
         -- One row per sender address: the first mail's address as written, the first name given.
         SELECT lower(email) AS key, (array_agg(email ORDER BY ord))[1] AS email,
                (array_agg(name ORDER BY ord) FILTER (WHERE name IS NOT NULL))[1] AS name
           FROM input GROUP BY lower(email)),
       known AS MATERIALIZED (
         -- Senders found by any of a customer's e-mail identities (not only the primary address).
         -- One index look-up per sender: a join would let the planner, which expects far more senders than a batch
         -- has, hash the whole identity table for every batch.
         SELECT s.key, s.name AS given_name, c.id, c.name, c.email
           FROM sender s
           CROSS JOIN LATERAL (SELECT ci.customer_id FROM customer_identities ci
                                WHERE ci.kind = 'email' AND ci.source = '' AND ci.value = s.key LIMIT 1) ci
           JOIN customers c ON c.id = ci.customer_id),
       named AS (
         UPDATE customers SET name = k.given_name, updated_at = now()
           FROM known k WHERE customers.id = k.id AND customers.name IS NULL AND k.given_name IS NOT NULL
         RETURNING 1),
       created AS (
         -- New senders, in address order so concurrent batches lock alike; a customer created meanwhile with
         -- this primary address is taken (ON CONFLICT may touch a row once per statement: one row per sender).
         INSERT INTO customers (email, name, phones)
         SELECT s.email, s.name, '{}' FROM sender s WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.key = s.key) ORDER BY s.key
         ON CONFLICT ((lower(email))) DO UPDATE SET
           name = COALESCE(customers.name, EXCLUDED.name),
           updated_at = CASE WHEN customers.name IS NULL AND EXCLUDED.name IS NOT NULL THEN now() ELSE customers.updated_at END
         RETURNING id, name, email),
       identity AS (
         INSERT INTO customer_identities (customer_id, kind, source, value)
         SELECT id, 'email', '', lower(email) FROM created ORDER BY lower(email)
         ON CONFLICT DO NOTHING
         RETURNING 1),
       customer AS (
         SELECT key, id, COALESCE(name, given_name) AS name, email FROM known
         UNION ALL
         SELECT lower(email), id, name, email FROM created),
       numbered AS MATERIALIZED (SELECT ord, nextval(sequence::regclass)::text AS n FROM input ORDER BY ord),
       ticket AS (
         INSERT INTO tickets (id, number, subject, status, priority, channel, queue_id, category_id, assignee_id, customer_id, tags,
                              inbound_addresses, last_inbound_at, created_at, updated_at, status_changed_at,
                              sla_policy_id, first_response_due_at, first_response_warn_at, resolution_due_at, resolution_warn_at,
                              statutory_due_at, sla_next_check_at, search_vector)
         SELECT i.ticket_id, i.year || '-' || CASE WHEN length(numbered.n) >= 6 THEN numbered.n ELSE lpad(numbered.n, 6, '0') END,
                i.subject, 'new', i.priority, 'email', i.queue_id, i.category_id, i.assignee_id, customer.id, i.tags,
                i.inbound_addresses, i.created_at, i.created_at, i.created_at, i.created_at,
                i.sla_policy_id, i.first_response_due_at, i.first_response_warn_at, i.resolution_due_at, i.resolution_warn_at,
                i.statutory_due_at, i.sla_next_check_at,
                -- The opening message's words, written with the ticket (its insert below does not append them again).
                okienko_message_search_text(i.message_subject, i.body_text)
           FROM input i JOIN numbered ON numbered.ord = i.ord JOIN customer ON customer.key = lower(i.email)
          ORDER BY i.ord
         RETURNING id, number, customer_id),
       message AS (
         INSERT INTO messages (id, ticket_id, direction, author_customer_id, from_address, to_addresses, cc_addresses, reply_to_addresses, subject, body_text,
                               visible_text, body_html, message_id, in_reply_to, "references", delivery_state, automated,
                               inbound_mail_id, authentication, created_at, search_counted)
         SELECT i.message_row_id, ticket.id, 'inbound', ticket.customer_id, i.from_address, i.to_addresses, i.cc_addresses, COALESCE(i.reply_to_addresses, '{}'),
                i.message_subject, i.body_text, CASE WHEN i.visible_is_body THEN i.body_text ELSE i.visible_text END, i.body_html, i.message_id, i.in_reply_to, i."references", 'received',
                i.automated, i.inbound_mail_id, i.authentication, i.created_at, true
           FROM input i JOIN ticket ON ticket.id = i.ticket_id
          ORDER BY i.ord
         RETURNING id),
       events AS (
         INSERT INTO ticket_events (ticket_id, type, actor_type, actor_id, actor_name, field, old_value, new_value)
         SELECT ticket.id, e.type, e.actor_type,
                CASE WHEN e.by_customer THEN customer.id::text ELSE e.actor_id END,
                CASE WHEN e.by_customer THEN COALESCE(customer.name, customer.email) ELSE e.actor_name END,
                e.field, e.old_value,
                CASE WHEN e.type = 'created' THEN e.new_value || jsonb_build_object('number', ticket.number) ELSE e.new_value END
           FROM jsonb_to_recordset($2::jsonb)
             AS e(ticket_id uuid, mail_ord int, ord int, type text, actor_type text, actor_id text, actor_name text, by_customer boolean,
                  field text, old_value jsonb, new_value jsonb)
           JOIN ticket ON ticket.id = e.ticket_id JOIN input i ON i.ord = e.mail_ord JOIN customer ON customer.key = lower(i.email)
          ORDER BY e.mail_ord, e.ord
         RETURNING 1),
       mail AS (
         UPDATE inbound_mails SET state = 'processed', outcome = 'new_ticket', ticket_id = ticket.id, processed_at = now(),
                message_id = i.record_message_id, subject = i.record_subject, from_address = i.record_from_address
           FROM input i JOIN ticket ON ticket.id = i.ticket_id WHERE inbound_mails.id = i.inbound_mail_id
         RETURNING 1)
       SELECT i.ord, ticket.id AS ticket_id, ticket.number, i.message_row_id AS message_id, customer.id AS customer_id,
              customer.name AS customer_name, customer.email AS customer_email,
              (SELECT count(*) FROM message)::int AS messages, (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM mail)::int AS mails, (SELECT count(*) FROM named)::int AS named,
              (SELECT count(*) FROM identity)::int AS identities
         FROM input i JOIN ticket ON ticket.id = i.ticket_id JOIN customer ON customer.key = lower(i.email)
        ORDER BY i.ord`,
      [JSON.stringify(rows), JSON.stringify(events)],
    );
    if (found.length !== tickets.length) throw new Error(`${found.length} of ${tickets.length} tickets were written`);
    return found.map((row) => ({
      ticketId: row.ticket_id, number: row.number, messageId: row.message_id,
      customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email },
    }));
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
