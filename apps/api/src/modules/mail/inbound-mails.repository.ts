import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { preparedQuery } from '../../core/database/prepared-query.js';
import { InboundMailEntity, type InboundMailState } from './entities/inbound-mail.entity.js';
import { storableText } from './storable-text.js';

export interface ClaimedInboundMail {
  id: string;
  raw: Buffer;
  envelopeFrom: string | null;
  envelopeTo: string[];
  /** The SMTP session's client address and HELO name, for the sender checks. */
  clientIp: string | null;
  helo: string | null;
}

export interface NewInboundMail {
  raw: Buffer;
  sha256: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  clientIp: string | null;
  helo: string | null;
}

/** What a processed inbound mail records: its outcome and ticket, and its Message-ID, subject and sender as read. */
export interface ProcessedInboundMail {
  id: string;
  outcome: string;
  ticketId: string | null;
  messageId: string | null;
  subject: string | null;
  fromAddress: string | null;
}

@Injectable()
export class InboundMailsRepository {
  constructor(@InjectRepository(InboundMailEntity) private readonly mails: Repository<InboundMailEntity>) {}

  /** Stores mails as received, in one statement; answers their ids, in order, once the rows are committed. */
  async insertMany(mails: NewInboundMail[]): Promise<string[]> {
    const ids = mails.map(() => randomUUID());
    const values: unknown[] = [];
    const rows = mails.map((mail, i) => {
      const at = i * 8;
      values.push(ids[i], mail.raw, mail.raw.length, mail.sha256, mail.envelopeFrom, mail.envelopeTo, mail.clientIp, mail.helo);
      return `($${at + 1}::uuid, $${at + 2}::bytea, $${at + 3}::int, $${at + 4}, $${at + 5}, $${at + 6}::text[], $${at + 7}, $${at + 8})`;
    });
    await this.mails.query(
      `INSERT INTO inbound_mails (id, raw, size, sha256, envelope_from, envelope_to, client_ip, helo) VALUES ${rows.join(', ')}`,
      values,
    );
    return ids;
  }

  list(state: InboundMailState | undefined, limit: number, offset: number): Promise<[InboundMailEntity[], number]> {
    return this.mails.findAndCount({ where: state ? { state } : {}, order: { receivedAt: 'DESC', id: 'DESC' }, take: limit, skip: offset });
  }

  findById(id: string): Promise<InboundMailEntity | null> {
    return this.mails.findOneBy({ id });
  }

  async raw(id: string): Promise<Buffer | null> {
    const row = await this.mails.createQueryBuilder('m').addSelect('m.raw').where('m.id = :id', { id }).getOne();
    return row?.raw ?? null;
  }

  /**
   * Takes mails for processing unless they are done already; answers those
   * to process, with their bytes (mails processed meanwhile are left out).
   */
  async claim(ids: readonly string[]): Promise<ClaimedInboundMail[]> {
    const rows = await preparedQuery<{ id: string; raw: Buffer; envelope_from: string | null; envelope_to: string[]; client_ip: string | null; helo: string | null }>(
      this.mails.manager.connection,
      'okienko_claim_inbound_mails',
      `WITH claimed AS (
         UPDATE inbound_mails SET state = 'processing', attempts = attempts + 1, error = NULL
         WHERE id = ANY($1::uuid[]) AND state IN ('received', 'processing', 'failed') RETURNING id, raw, envelope_from, envelope_to, client_ip, helo)
       SELECT * FROM claimed`,
      [ids],
    );
    return rows.map((r) => ({ id: r.id, raw: r.raw, envelopeFrom: r.envelope_from, envelopeTo: r.envelope_to, clientIp: r.client_ip, helo: r.helo }));
  }

  async update(id: string, patch: Partial<InboundMailEntity>): Promise<void> {
    await this.mails.update({ id }, patch);
  }

  async updateIn(manager: EntityManager, id: string, patch: Partial<InboundMailEntity>): Promise<void> {
    await manager.update(InboundMailEntity, { id }, patch);
  }

  /**
   * Marks mails processed with what they became and what was read of them,
   * many in one statement (the mails filed together by the intake's one
   * statement are recorded together right after it).
   */
  async markProcessed(mails: readonly ProcessedInboundMail[]): Promise<void> {
    if (!mails.length) return;
    await preparedQuery(
      this.mails.manager.connection,
      'okienko_mark_inbound_mails_processed',
      `WITH done AS (
         UPDATE inbound_mails m SET state = 'processed', outcome = d.outcome, ticket_id = d.ticket_id, processed_at = now(),
                message_id = d.message_id, subject = d.subject, from_address = d.from_address
           FROM json_to_recordset($1::json) AS d(id uuid, outcome text, ticket_id uuid, message_id text, subject text, from_address text)
          WHERE m.id = d.id
         RETURNING 1)
       SELECT count(*)::int AS n FROM done`,
      [JSON.stringify(mails.map((m) => ({
        id: m.id, outcome: m.outcome, ticket_id: m.ticketId, message_id: m.messageId, subject: m.subject, from_address: m.fromAddress,
      })))],
    );
  }

  /** Records the failure; its text is made storable first, so recording cannot fail on what the mail held. */
  async markFailed(id: string, error: string, details: Partial<InboundMailEntity> = {}): Promise<void> {
    const texts = Object.fromEntries(Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? storableText(value) : value]));
    await this.mails.update({ id }, { ...texts, state: 'failed', error: storableText(error).slice(0, 4000), processedAt: new Date() });
  }

  /** Mails accepted but not turned into tickets yet (their job may have been lost with Redis or a crash). */
  async pendingIds(receivedBefore: Date, limit: number): Promise<string[]> {
    const rows = await this.mails.find({
      select: { id: true },
      where: [
        { state: 'received', receivedAt: LessThan(receivedBefore) },
        { state: 'processing', receivedAt: LessThan(receivedBefore) },
      ],
      order: { receivedAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }
}
