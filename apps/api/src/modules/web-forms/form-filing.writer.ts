import { Inject, Injectable } from '@nestjs/common';
import type { FormKind, FormLanguage } from '@okienko/domain';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { OpenedWithCompanion, OpeningCompanionWriter } from '../intake/opening-companion.js';
import { OutboundMessagesService } from '../tickets/outbound-messages.service.js';
import { confirmationMail } from './confirmation-mail.js';
import type { NewSubmission } from './form-submissions.repository.js';
import type { NewStatusLink } from './status-links.repository.js';

/** What a submission filed on the intake's one-statement path writes besides its ticket. */
export interface FormFiling {
  /** The submission row, without the ticket and message (written with them). */
  submission: Omit<NewSubmission, 'ticketId' | 'messageId'>;
  /** The status link, without the ticket; its URL goes into the confirmation. */
  link: Omit<NewStatusLink, 'ticketId'>;
  statusUrl: string;
  /** The confirmation mail to the customer's (primary) address; its id is chosen before, to hand it to the outbox after the commit. */
  confirmation: { id: string; kind: FormKind; subject: string; channel: { id: string; name: string } };
  /** The customer's language, when they have none yet. */
  language: FormLanguage;
}

/**
 * The rows of submissions filed together on the intake's one-statement path,
 * in the transaction of their tickets and in one statement for the batch:
 * each submission, its status link, the confirmation mail with its
 * `message_added` event, and the customer's language when unknown. The same
 * rows as the general path writes (FormSubmissionsService.file, the
 * equivalence test compares them).
 */
@Injectable()
export class FormFilingWriter implements OpeningCompanionWriter<FormFiling> {
  constructor(
    private readonly outbound: OutboundMessagesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async write(manager: EntityManager, filed: readonly OpenedWithCompanion<FormFiling>[]): Promise<void> {
    // After the customers' messages (the transaction's own time is earlier than the intake's clock).
    const now = new Date();
    const rows = filed.map(({ ticket, value: f }) => {
      const mail = confirmationMail({
        lang: f.submission.language, kind: f.confirmation.kind, ticketNumber: ticket.number, subject: f.confirmation.subject, statusUrl: f.statusUrl, config: this.config,
      });
      const to = ticket.customer.email;
      const replyChannel = this.outbound.automaticReplyChannelOfNew({ ...f.confirmation.channel, type: 'web_form' }, to);
      const s = f.submission;
      return {
        ticket_id: ticket.ticketId, message_id: ticket.messageId, customer_id: ticket.customer.id, customer_language: f.language,
        submission_id: s.id, channel_id: s.channelId, state: s.state, spam_reasons: s.spamReasons, language: s.language, field_values: s.values,
        email: s.email, phone: s.phone, client_ip: s.clientIp, origin: s.origin,
        link_id: f.link.id, token_sha256: `\\x${f.link.tokenSha256.toString('hex')}`, link_language: f.link.language, link_channel_id: f.link.channelId,
        thread_id: f.link.threadId,
        confirmation_id: f.confirmation.id, confirmation_to: [to], confirmation_channel_id: replyChannel.channelId,
        confirmation_channel_type: replyChannel.channelType, confirmation_subject: mail.subject, confirmation_body: mail.body,
        confirmation_message_id: this.outbound.newMessageId(), confirmation_at: now,
      };
    });
    await manager.query(
      `WITH input AS MATERIALIZED (
         SELECT * FROM json_to_recordset($1::json) AS i(
           ticket_id uuid, message_id uuid, customer_id uuid, customer_language text,
           submission_id uuid, channel_id uuid, state text, spam_reasons text[], language text, field_values jsonb, email text, phone text,
           client_ip text, origin text, link_id uuid, token_sha256 text, link_language text, link_channel_id uuid, thread_id text,
           confirmation_id uuid, confirmation_to text[], confirmation_channel_id uuid, confirmation_channel_type text,
           confirmation_subject text, confirmation_body text, confirmation_message_id text, confirmation_at timestamptz)),
       submissions AS (
         INSERT INTO form_submissions (id, channel_id, state, spam_reasons, language, field_values, email, phone, client_ip, origin, ticket_id, message_id, filed_at)
         SELECT submission_id, channel_id, state, spam_reasons, language, field_values, email, phone, client_ip, origin, ticket_id, message_id, now()
           FROM input
         RETURNING 1),
       links AS (
         INSERT INTO ticket_status_links (id, ticket_id, token_sha256, language, channel_id, thread_id)
         SELECT link_id, ticket_id, token_sha256::bytea, link_language, link_channel_id, thread_id FROM input
         RETURNING 1),
       confirmations AS (
         INSERT INTO messages (id, ticket_id, direction, to_addresses, channel_id, channel_type, subject, body_text, visible_text, message_id,
                               in_reply_to, "references", delivery_state, automated, purpose, inbound_mail_id, sent_at, delivery_attempts, created_at)
         SELECT confirmation_id, ticket_id, 'outbound', confirmation_to, confirmation_channel_id, confirmation_channel_type, confirmation_subject,
                confirmation_body, NULL, confirmation_message_id, NULL, '{}', 'queued', true, 'conversation', NULL, NULL, 0, confirmation_at
           FROM input
         RETURNING id, ticket_id),
       events AS (
         INSERT INTO ticket_events (ticket_id, type, actor_type, actor_id, actor_name, field, old_value, new_value)
         SELECT ticket_id, 'message_added', 'system', NULL, NULL, NULL, NULL,
                jsonb_build_object('messageId', id, 'direction', 'outbound', 'automated', true)
           FROM confirmations
         RETURNING 1),
       languages AS (
         UPDATE customers SET language = input.customer_language
           FROM input
          WHERE customers.id = input.customer_id AND customers.language IS NULL
         RETURNING 1)
       SELECT (SELECT count(*) FROM submissions)::int AS submissions, (SELECT count(*) FROM links)::int AS links,
              (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM languages)::int AS languages`,
      [JSON.stringify(rows)],
    );
  }
}
