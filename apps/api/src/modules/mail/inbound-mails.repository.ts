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

/**
 * The attempts of a mail whose outcome is being recorded: its attempt is added
 * unless the claim counted it already (a first attempt only reads the mail).
 * `table` qualifies the columns (an alias in a statement of several tables).
 */
export function attemptsWithOutcome(table?: string): string {
  const column = (name: string) => (table ? `${table}.${name}` : name);
  return `${column('attempts')} + CASE WHEN ${column('state')} = 'received' THEN 1 ELSE 0 END`;
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
   * A mail's first attempt only reads it: the attempt is counted when its
   * outcome is recorded (one write of the row per mail instead of two). A
   * mail tried before (still `processing` or `failed`, or listed in
   * `retried`) is marked `processing` and counted now, so an attempt that
   * stops the process is counted too.
   */
  async claim(ids: readonly string[], retried: readonly string[] = []): Promise<ClaimedInboundMail[]> {
    const rows = await preparedQuery<{ id: string; raw: Buffer; envelope_from: string | null; envelope_to: string[]; client_ip: string | null; helo: string | null }>(
      this.mails.manager.connection,
      'okienko_claim_inbound_mails',
      // By primary key only: with the state in the look-up, the planner could combine it with the index of
      // pending mails, whose dead entries (each mail leaves it when processed) it would read through.
      `WITH listed AS MATERIALIZED (
         SELECT id, state, raw, envelope_from, envelope_to, client_ip, helo FROM inbound_mails WHERE id = ANY($1::uuid[])),
       again AS (
         UPDATE inbound_mails m SET state = 'processing', attempts = m.attempts + 1, error = NULL
           FROM listed l
          WHERE m.id = l.id AND m.state <> 'processed'
            AND (l.state IN ('processing', 'failed') OR (l.state = 'received' AND l.id = ANY($2::uuid[])))
         RETURNING m.id)
       SELECT id, raw, envelope_from, envelope_to, client_ip, helo FROM listed WHERE state <> 'processed'`,
      [ids, retried],
    );
    return rows.map((r) => ({ id: r.id, raw: r.raw, envelopeFrom: r.envelope_from, envelopeTo: r.envelope_to, clientIp: r.client_ip, helo: r.helo }));
  }

  async update(id: string, patch: Partial<InboundMailEntity>): Promise<void> {
    await this.mails.update({ id }, patch);
  }

  /** Records, in the transaction that filed it, what a mail became (and its attempt, unless its claim counted it). */
  async recordProcessedIn(manager: EntityManager, mail: ProcessedInboundMail): Promise<void> {
    await manager.update(InboundMailEntity, { id: mail.id }, {
      state: 'processed', outcome: mail.outcome, ticketId: mail.ticketId, processedAt: new Date(),
      messageId: mail.messageId, subject: mail.subject, fromAddress: mail.fromAddress, attempts: () => attemptsWithOutcome(),
    });
  }

  /** Records the failure; its text is made storable first, so recording cannot fail on what the mail held. */
  async markFailed(id: string, error: string, details: Partial<InboundMailEntity> = {}): Promise<void> {
    const texts = Object.fromEntries(Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? storableText(value) : value]));
    await this.mails.update({ id }, { ...texts, state: 'failed', error: storableText(error).slice(0, 4000), processedAt: new Date(), attempts: () => attemptsWithOutcome() });
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
