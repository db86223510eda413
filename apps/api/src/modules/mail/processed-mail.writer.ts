import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OpenedWithCompanion, OpeningCompanionWriter } from '../intake/opening-companion.js';
import { InboundMailsRepository, type ProcessedInboundMail } from './inbound-mails.repository.js';

/** What a mail filed on the intake's one-statement path records of itself: its row and what was read of it. */
export type ProcessedMailDetails = Pick<ProcessedInboundMail, 'id' | 'messageId' | 'subject' | 'fromAddress'>;

/**
 * Records the mails whose new tickets the intake writes in one statement as
 * processed, in the transaction of those tickets and in one statement for the
 * batch: a mail is never left filed but unrecorded, and its `processed_at` is
 * the moment its ticket was written.
 */
@Injectable()
export class ProcessedMailWriter implements OpeningCompanionWriter<ProcessedMailDetails> {
  constructor(private readonly mails: InboundMailsRepository) {}

  write(manager: EntityManager, filed: readonly OpenedWithCompanion<ProcessedMailDetails>[]): Promise<void> {
    return this.mails.markProcessed(filed.map(({ ticket, value }) => ({ ...value, outcome: 'new_ticket', ticketId: ticket.ticketId })), manager);
  }
}
