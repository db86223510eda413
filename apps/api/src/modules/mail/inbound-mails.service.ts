import { createHash } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { createBatcher } from '../../core/batching/batcher.js';
import type { Queue } from 'bullmq';
import type { InboundMailEntity, InboundMailState } from './entities/inbound-mail.entity.js';
import { InboundMailsRepository } from './inbound-mails.repository.js';
import { MailException, MailErrorCode } from './mail.exception.js';
import { INBOUND_MAIL_QUEUE } from './mail-queues.js';

/** Mails to turn into tickets: one (`mailId`, from the sweep and re-processing) or those accepted together. */
export interface InboundMailJob {
  mailId?: string;
  mailIds?: string[];
}

export interface AcceptedMail {
  raw: Buffer;
  envelopeFrom: string | null;
  envelopeTo: string[];
  clientIp: string | null;
  helo: string | null;
}

/** Most mails in one job. */
const MAILS_PER_JOB = 128;

/** Mail left unprocessed this long is handed to the workers again. */
const STALE_AFTER_MS = 60_000;

@Injectable()
export class InboundMailsService {
  private readonly logger = new Logger('InboundMails');

  constructor(
    private readonly mails: InboundMailsRepository,
    @InjectQueue(INBOUND_MAIL_QUEUE) private readonly queue: Queue<InboundMailJob>,
  ) {}

  /**
   * Keeps an accepted mail: the row is committed before this returns (the
   * SMTP listener answers 250 only then); processing is queued afterwards.
   * Mails arriving together on several connections are stored in one
   * statement and queued as one job (group commit), without waiting for a timer.
   */
  accept(mail: AcceptedMail): Promise<string> {
    return this.store(mail);
  }

  private readonly store = createBatcher<AcceptedMail, string>(
    async (mails) => {
      const ids = await this.mails.insertMany(mails.map((mail) => ({ ...mail, sha256: createHash('sha256').update(mail.raw).digest('hex') })));
      // Not awaited: the mails are safe in PostgreSQL. Losing the job (Redis down) loses nothing: the sweep finds them.
      for (const id of ids) void this.enqueueTogether(id);
      return ids;
    },
    { maxBatch: 64, maxInFlight: 2 },
  );

  /**
   * Mails stored while a job is being queued go into the next job together
   * (group commit again, now for Redis): one job, one queue round trip and one
   * claim by a worker for many mails.
   */
  private readonly enqueueTogether = createBatcher<string, void>(
    async (ids) => {
      await this.enqueueBatch(ids).catch((error: Error) =>
        this.logger.warn(`${ids.length} mails stored, queueing failed (${error.message}); the sweep will pick them up`),
      );
      return ids.map(() => undefined);
    },
    { maxBatch: MAILS_PER_JOB, maxInFlight: 1 },
  );

  list(state: InboundMailState | undefined, limit: number, offset: number): Promise<[InboundMailEntity[], number]> {
    return this.mails.list(state, limit, offset);
  }

  async get(id: string): Promise<InboundMailEntity> {
    const mail = await this.mails.findById(id);
    if (!mail) throw new MailException(MailErrorCode.InboundMailNotFound, `Inbound mail ${id} does not exist`);
    return mail;
  }

  async raw(id: string): Promise<Buffer> {
    const raw = await this.mails.raw(id);
    if (!raw) throw new MailException(MailErrorCode.InboundMailNotFound, `Inbound mail ${id} does not exist`);
    return raw;
  }

  /** Runs a failed (or stuck) mail through processing again. */
  async reprocess(id: string): Promise<InboundMailEntity> {
    const mail = await this.get(id);
    if (mail.state === 'processed') {
      throw new MailException(MailErrorCode.AlreadyProcessed, `Inbound mail ${id} was processed already (${mail.outcome ?? 'done'})`);
    }
    await this.mails.update(id, { state: 'received', error: null });
    await this.queue.add('process', { mailId: id }, { jobId: `${id}-retry-${Date.now()}`, ...JOB_OPTIONS });
    return this.get(id);
  }

  /** Queues every mail that was accepted but not processed (after a crash, or with Redis lost). */
  async sweep(): Promise<number> {
    const ids = await this.mails.pendingIds(new Date(Date.now() - STALE_AFTER_MS), 1000);
    for (const id of ids) await this.enqueue(id);
    if (ids.length) this.logger.log(`re-queued ${ids.length} unprocessed inbound mails`);
    return ids.length;
  }

  /**
   * On start: everything still waiting, whatever its age, in jobs of many
   * mails (processed, and their tickets written, together).
   */
  async requeueAll(): Promise<number> {
    const ids = await this.mails.pendingIds(new Date(), 10_000);
    for (let i = 0; i < ids.length; i += MAILS_PER_JOB) {
      const chunk = ids.slice(i, i + MAILS_PER_JOB);
      // Its own job id: a job of the same first mail from before the restart may still be waiting, with other mails.
      await this.queue.add('process', { mailIds: chunk }, { jobId: `restart-${chunk[0]}-${Date.now()}`, ...JOB_OPTIONS });
    }
    if (ids.length) this.logger.log(`re-queued ${ids.length} inbound mails accepted before the restart`);
    return ids.length;
  }

  private enqueueBatch(ids: string[]): Promise<unknown> {
    if (ids.length === 1) return this.enqueue(ids[0]);
    return this.queue.add('process', { mailIds: ids }, { jobId: `batch-${ids[0]}`, ...JOB_OPTIONS });
  }

  private enqueue(id: string): Promise<unknown> {
    // The job id is the mail id: a mail already waiting is not queued twice.
    return this.queue.add('process', { mailId: id }, { jobId: id, ...JOB_OPTIONS });
  }
}

const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: true,
  removeOnFail: true,
} as const;
