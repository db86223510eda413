import type { OpeningStatementPart } from '../intake/opening-companion.js';
import { attemptsWithOutcome, type ProcessedInboundMail } from './inbound-mails.repository.js';

/** What a mail filed on the intake's one-statement path records of itself: its row and what was read of it. */
export type ProcessedMailDetails = Pick<ProcessedInboundMail, 'id' | 'messageId' | 'subject' | 'fromAddress'>;

/**
 * Records the mails whose new tickets the intake writes in one statement as
 * processed, in that statement itself: a mail is never left filed but
 * unrecorded, its `processed_at` is the moment its ticket was written, and
 * the record costs no statement of its own. The attempt is counted here
 * unless the claim counted it (a first attempt only reads the mail). The
 * mails are looked up by primary key (an array of the batch's ids): joined to
 * the batch's rows as a set, which the planner expects a hundred of, the
 * prepared statement could keep a plan that reads the whole table.
 */
export const processedMailPart: OpeningStatementPart<ProcessedMailDetails> = {
  key: 'mail',
  sql: `UPDATE inbound_mails m SET state = 'processed', outcome = 'new_ticket', ticket_id = d.ticket_id, processed_at = now(),
                message_id = d.message_id, subject = d.subject, from_address = d.from_address,
                attempts = ${attemptsWithOutcome('m')}
           FROM json_to_recordset($3::json) AS d(id uuid, ticket_id uuid, message_id text, subject text, from_address text)
          WHERE m.id = ANY (ARRAY(SELECT (e ->> 'id')::uuid FROM json_array_elements($3::json) e)) AND m.id = d.id
         RETURNING 1`,
  rows: (opened) =>
    opened.map(({ ticketId, value }) => ({ id: value.id, ticket_id: ticketId, message_id: value.messageId, subject: value.subject, from_address: value.fromAddress })),
};
