import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CustomerLanguage } from '@okienko/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedQuery } from '../../core/database/prepared-query.js';
import type { MessageEntity } from '../tickets/entities/message.entity.js';
import type { OpeningStatementPart } from './opening-companion.js';
import type { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { TicketsRepository } from '../tickets/tickets.repository.js';

/** A new message's ticket, message and audit events, written in one statement (built by oneStatementOpening). */
export interface NewInboundTicket {
  year: number;
  /** The ticket's channel column (the message's channel type; Allegro a marketplace). */
  channel: TicketEntity['channel'];
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
  /** The sender; `language` is stored on a customer created with this message (the first message decides). */
  customer: { email: string; name: string | null; language: CustomerLanguage | null };
  /** The columns the statement writes (the others are the defaults of an inbound message: see inboundMessageRow). */
  message: Pick<
    MessageEntity,
    'fromAddress' | 'toAddresses' | 'ccAddresses' | 'replyToAddresses' | 'subject' | 'bodyText' | 'visibleText' | 'bodyHtml' | 'messageId' | 'inReplyTo' | 'references' | 'automated' | 'inboundMailId' | 'authentication'
    | 'channelId' | 'channelType' | 'externalThreadId' | 'externalMessageId'
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
  customer: { id: string; name: string | null; email: string; language: CustomerLanguage | null };
}

/**
 * The intake's one-statement writer: new conversations (customer, ticket,
 * message, audit events and SLA columns) for many messages in one round trip.
 */
@Injectable()
export class OpeningStatementRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsRepository,
  ) {}

  /**
   * Opens tickets for new conversations (mails, form submissions) in one statement: the customers (found by any
   * of their e-mail identities or created with that identity, each once
   * however many of the mails they wrote), the
   * tickets with the next numbers of their year, their messages and audit
   * events with the SLA columns. One round trip for a whole batch instead of
   * a transaction of ten per message: the common case of inbound mail (the
   * mail module's part of the statement records its inbound mails processed).
   * A Message-ID stored already fails the statement with 23505, and any other
   * refused value fails it too: the caller then files the mails one by one.
   * Answers one result per ticket, in order. With `manager`, in its
   * transaction (a channel writes its own rows with the tickets); with `part`,
   * a channel's rows are written by this statement too (`values` in the
   * tickets' order, null for a ticket without them).
   */
  async insertInboundTickets(
    tickets: readonly NewInboundTicket[],
    manager?: EntityManager,
    part?: { part: OpeningStatementPart<unknown>; values: readonly unknown[] },
  ): Promise<InsertedInboundTicket[]> {
    if (!tickets.length) return [];
    for (const year of new Set(tickets.map((t) => t.year))) await this.tickets.ensureSequence(year);
    const rows = tickets.map((ticket, ord) => {
      const m = ticket.message;
      const d = ticket.deadlines;
      return {
        ord, ticket_id: randomUUID(), message_row_id: randomUUID(), email: ticket.customer.email, name: ticket.customer.name, language: ticket.customer.language,
        sequence: `ticket_number_${Math.trunc(ticket.year)}`, year: String(ticket.year), channel: ticket.channel, subject: ticket.subject, priority: ticket.priority,
        queue_id: ticket.queueId, category_id: ticket.categoryId, assignee_id: ticket.assigneeId, tags: ticket.tags,
        inbound_addresses: ticket.inboundAddresses, created_at: ticket.createdAt,
        from_address: m.fromAddress, to_addresses: m.toAddresses, cc_addresses: m.ccAddresses, reply_to_addresses: m.replyToAddresses, message_subject: m.subject,
        // A mail without quoted history has the same visible text as body: sent once, not twice.
        body_text: m.bodyText, visible_is_body: m.visibleText === m.bodyText, visible_text: m.visibleText === m.bodyText ? null : m.visibleText,
        body_html: m.bodyHtml, message_id: m.messageId, in_reply_to: m.inReplyTo,
        references: m.references, automated: m.automated, inbound_mail_id: m.inboundMailId, authentication: m.authentication,
        channel_id: m.channelId, channel_type: m.channelType, external_thread_id: m.externalThreadId, external_message_id: m.externalMessageId,
        sla_policy_id: d.slaPolicyId, first_response_due_at: d.firstResponseDueAt, first_response_warn_at: d.firstResponseWarnAt,
        resolution_due_at: d.resolutionDueAt, resolution_warn_at: d.resolutionWarnAt, statutory_due_at: d.statutoryDueAt,
        sla_next_check_at: d.slaNextCheckAt,
      };
    });
    const events = tickets.flatMap((ticket, i) => ticket.events.map((e) => ({ ...e, ticket_id: rows[i].ticket_id, mail_ord: i })));
    const partRows = part
      ? part.part.rows(rows.flatMap((row, i) => (part.values[i] === null || part.values[i] === undefined ? [] : [{ ticketId: row.ticket_id, value: part.values[i] }])))
      : [];
    // Prepared: planned once per connection instead of once per batch (about a millisecond each time).
    const found = await preparedQuery<{ ord: number; ticket_id: string; number: string; message_id: string; customer_id: string; customer_name: string | null; customer_email: string; customer_language: CustomerLanguage | null }>(
      manager ?? this.dataSource,
      part ? `okienko_insert_inbound_tickets_${part.part.key}` : 'okienko_insert_inbound_tickets',
      `WITH input AS MATERIALIZED (
         -- The tickets get their customers' search words from this statement (below): the search triggers need not
         -- look the customers up again (a setting of this statement's own transaction).
         SELECT *, set_config('okienko.search_words_given', 'on', true) AS words_given FROM json_to_recordset($1::json) AS i(
           ord int, ticket_id uuid, message_row_id uuid, email text, name text, language text, sequence text, year text, channel text, subject text, priority text,
           queue_id uuid, category_id uuid, assignee_id uuid, tags text[], inbound_addresses text[], created_at timestamptz,
           from_address text, to_addresses text[], cc_addresses text[], reply_to_addresses text[], message_subject text, body_text text, visible_is_body boolean, visible_text text,
           body_html text, message_id text, in_reply_to text, "references" text[], automated boolean, inbound_mail_id uuid, authentication jsonb,
           channel_id uuid, channel_type text, external_thread_id text, external_message_id text,
           sla_policy_id uuid, first_response_due_at timestamptz, first_response_warn_at timestamptz, resolution_due_at timestamptz,
           resolution_warn_at timestamptz, statutory_due_at timestamptz, sla_next_check_at timestamptz)),
       sender AS MATERIALIZED (
         -- One row per sender address: the first mail's address as written, the first name given.
         SELECT lower(email) AS key, (array_agg(email ORDER BY ord))[1] AS email,
                (array_agg(name ORDER BY ord) FILTER (WHERE name IS NOT NULL))[1] AS name,
                (array_agg(language ORDER BY ord))[1] AS language
           FROM input GROUP BY lower(email)),
       known AS MATERIALIZED (
         -- Senders found by any of a customer's e-mail identities (not only the primary address).
         -- One index look-up per sender: a join would let the planner, which expects far more senders than a batch
         -- has, hash the whole identity table for every batch.
         SELECT s.key, s.name AS given_name, c.id, c.name, c.email, c.language
           FROM sender s
           CROSS JOIN LATERAL (SELECT ci.customer_id FROM customer_identities ci
                                WHERE ci.kind = 'email' AND ci.source = '' AND ci.value = s.key LIMIT 1) ci
           JOIN customers c ON c.id = ci.customer_id),
       named AS (
         -- By primary key (a join could read the whole customers table for every batch).
         UPDATE customers SET name = k.given_name, updated_at = now()
           FROM known k
          WHERE customers.id = ANY (ARRAY(SELECT id FROM known WHERE name IS NULL AND given_name IS NOT NULL))
            AND customers.id = k.id AND customers.name IS NULL
         RETURNING 1),
       created AS (
         -- New senders, in address order so concurrent batches lock alike; a customer created meanwhile with
         -- this primary address is taken (ON CONFLICT may touch a row once per statement: one row per sender).
         INSERT INTO customers (email, name, phones, language)
         SELECT s.email, s.name, '{}', s.language FROM sender s WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.key = s.key) ORDER BY s.key
         ON CONFLICT ((lower(email))) DO UPDATE SET
           name = COALESCE(customers.name, EXCLUDED.name),
           language = COALESCE(customers.language, EXCLUDED.language),
           updated_at = CASE WHEN customers.name IS NULL AND EXCLUDED.name IS NOT NULL THEN now() ELSE customers.updated_at END
         RETURNING id, name, email, language),
       identity AS (
         INSERT INTO customer_identities (customer_id, kind, source, value)
         SELECT id, 'email', '', lower(email) FROM created ORDER BY lower(email)
         ON CONFLICT DO NOTHING
         RETURNING 1),
       customer AS (
         SELECT key, id, COALESCE(name, given_name) AS name, email, language, false AS is_new FROM known
         UNION ALL
         SELECT lower(email), id, name, email, language, true FROM created),
       numbered AS MATERIALIZED (SELECT ord, nextval(sequence::regclass)::text AS n FROM input ORDER BY ord),
       ticket AS (
         INSERT INTO tickets (id, number, subject, status, priority, channel, queue_id, category_id, assignee_id, customer_id, tags,
                              inbound_addresses, last_inbound_at, created_at, updated_at, status_changed_at,
                              sla_policy_id, first_response_due_at, first_response_warn_at, resolution_due_at, resolution_warn_at,
                              statutory_due_at, sla_next_check_at, search_vector)
         SELECT i.ticket_id, i.year || '-' || CASE WHEN length(numbered.n) >= 6 THEN numbered.n ELSE lpad(numbered.n, 6, '0') END,
                i.subject, 'new', i.priority, i.channel, i.queue_id, i.category_id, i.assignee_id, customer.id, i.tags,
                i.inbound_addresses, i.created_at, i.created_at, i.created_at, i.created_at,
                i.sla_policy_id, i.first_response_due_at, i.first_response_warn_at, i.resolution_due_at, i.resolution_warn_at,
                i.statutory_due_at, i.sla_next_check_at,
                -- The opening message's words, written with the ticket (its insert below does not append them again),
                -- and its customer's: a new one's from the sender (not visible yet within this statement), a known one's
                -- from their name and identities.
                okienko_message_search_text(i.message_subject, i.body_text)
                  || CASE WHEN customer.is_new THEN okienko_sender_search_words(customer.name, customer.email)
                          ELSE coalesce(okienko_customer_search_words(customer.id), '') END
           FROM input i JOIN numbered ON numbered.ord = i.ord JOIN customer ON customer.key = lower(i.email)
          ORDER BY i.ord
         RETURNING id, number, customer_id),
       message AS (
         INSERT INTO messages (id, ticket_id, direction, author_customer_id, from_address, to_addresses, cc_addresses, reply_to_addresses, subject, body_text,
                               visible_text, body_html, message_id, in_reply_to, "references", delivery_state, automated,
                               inbound_mail_id, authentication, channel_id, channel_type, external_thread_id, external_message_id, created_at, search_counted)
         SELECT i.message_row_id, ticket.id, 'inbound', ticket.customer_id, i.from_address, i.to_addresses, i.cc_addresses, COALESCE(i.reply_to_addresses, '{}'),
                i.message_subject, i.body_text, CASE WHEN i.visible_is_body THEN i.body_text ELSE i.visible_text END, i.body_html, i.message_id, i.in_reply_to, i."references", 'received',
                i.automated, i.inbound_mail_id, i.authentication, i.channel_id, i.channel_type, i.external_thread_id, i.external_message_id, i.created_at, true
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
         RETURNING 1)${part ? `,
       companion AS (${part.part.sql})` : ''}
       SELECT i.ord, ticket.id AS ticket_id, ticket.number, i.message_row_id AS message_id, customer.id AS customer_id,
              customer.name AS customer_name, customer.email AS customer_email, customer.language AS customer_language,
              (SELECT count(*) FROM message)::int AS messages, (SELECT count(*) FROM events)::int AS events,
              (SELECT count(*) FROM named)::int AS named,
              (SELECT count(*) FROM identity)::int AS identities${part ? ', (SELECT count(*) FROM companion)::int AS companion' : ''}
         FROM input i JOIN ticket ON ticket.id = i.ticket_id JOIN customer ON customer.key = lower(i.email)
        ORDER BY i.ord`,
      part ? [JSON.stringify(rows), JSON.stringify(events), JSON.stringify(partRows)] : [JSON.stringify(rows), JSON.stringify(events)],
    );
    if (found.length !== tickets.length) throw new Error(`${found.length} of ${tickets.length} tickets were written`);
    return found.map((row) => ({
      ticketId: row.ticket_id, number: row.number, messageId: row.message_id,
      customer: { id: row.customer_id, name: row.customer_name, email: row.customer_email, language: row.customer_language },
    }));
  }
}
