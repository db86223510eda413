import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, LessThan, Repository } from 'typeorm';
import { InboundMailEntity, type InboundMailState } from './entities/inbound-mail.entity.js';

export interface ClaimedInboundMail {
  id: string;
  raw: Buffer;
  envelopeFrom: string | null;
  envelopeTo: string[];
}

export interface NewInboundMail {
  raw: Buffer;
  sha256: string;
  envelopeFrom: string | null;
  envelopeTo: string[];
  clientIp: string | null;
  helo: string | null;
}

@Injectable()
export class InboundMailsRepository {
  constructor(@InjectRepository(InboundMailEntity) private readonly mails: Repository<InboundMailEntity>) {}

  /** Stores the mail as received; returns its id once the row is committed. */
  async insert(mail: NewInboundMail): Promise<string> {
    const rows: { id: string }[] = await this.mails.query(
      `INSERT INTO inbound_mails (raw, size, sha256, envelope_from, envelope_to, client_ip, helo)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [mail.raw, mail.raw.length, mail.sha256, mail.envelopeFrom, mail.envelopeTo, mail.clientIp, mail.helo],
    );
    return rows[0].id;
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
   * Takes the mail for processing unless it is done already; answers the mail
   * with its bytes, or null when there is nothing to do.
   */
  async claim(id: string): Promise<ClaimedInboundMail | null> {
    const rows: { raw: Buffer; envelope_from: string | null; envelope_to: string[] }[] = await this.mails.query(
      // Wrapped in a CTE so the driver answers plain rows (a bare UPDATE answers [rows, count]).
      `WITH claimed AS (
         UPDATE inbound_mails SET state = 'processing', attempts = attempts + 1, error = NULL
         WHERE id = $1 AND state IN ('received', 'processing', 'failed') RETURNING raw, envelope_from, envelope_to)
       SELECT * FROM claimed`,
      [id],
    );
    return rows.length ? { id, raw: rows[0].raw, envelopeFrom: rows[0].envelope_from, envelopeTo: rows[0].envelope_to } : null;
  }

  async update(id: string, patch: Partial<InboundMailEntity>): Promise<void> {
    await this.mails.update({ id }, patch);
  }

  async updateIn(manager: EntityManager, id: string, patch: Partial<InboundMailEntity>): Promise<void> {
    await manager.update(InboundMailEntity, { id }, patch);
  }

  async markFailed(id: string, error: string, details: Partial<InboundMailEntity> = {}): Promise<void> {
    await this.mails.update({ id }, { ...details, state: 'failed', error: error.slice(0, 4000), processedAt: new Date() });
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
