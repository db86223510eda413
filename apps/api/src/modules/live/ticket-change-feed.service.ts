import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LiveRepository, type LiveEventRow } from './live.repository.js';

/** What happened to one ticket, merged over the events of one read. */
export interface TicketChange {
  ticketId: string;
  types: Set<string>;
  fields: Set<string>;
  /** The audit events read (bigints, as strings): what notifications written with them are found by. */
  eventIds: string[];
}

/** How often the audit trail is read for new events. */
const POLL_MS = 250;
/** Events read at once; a larger backlog is read in several rounds without waiting. */
const BATCH = 2_000;
/**
 * An id skipped by a read may belong to a transaction still running: it is
 * looked for again until this old (ids of rolled-back transactions never appear).
 */
const GAP_WAIT_MS = 120_000;
const MAX_GAPS = 10_000;

/**
 * Committed ticket changes, read from the audit trail. Every change of a
 * ticket, whichever path makes it (API, mail, rules, SLA sweeps, absence
 * hand-backs), writes its `ticket_events` rows in the transaction of the
 * change, so what is committed there is exactly what changed, and nothing
 * that was rolled back. Each API process reads the events after the last one
 * it saw (a primary-key range read every 250 ms); ids left behind by
 * transactions that were still running are read again once they commit.
 * Writers pay nothing: no trigger, no NOTIFY (which would serialise the
 * commits of every writing transaction behind one lock).
 */
@Injectable()
export class TicketChangeFeedService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TicketChangeFeedService.name);
  private handler: ((changes: TicketChange[]) => void) | null = null;
  private wanted: () => boolean = () => true;
  /** The newest event id seen by the last read while nobody listened. */
  private latestWhileIdle: bigint | null = null;
  private cursor: bigint | null = null;
  /** Ids below the cursor not seen yet, with when they were first missed. */
  private readonly gaps = new Map<bigint, number>();
  private timer: NodeJS.Timeout | null = null;
  private failing = false;
  private stopped = false;

  constructor(private readonly repository: LiveRepository) {}

  /**
   * `wanted` says whether anybody listens right now: while nobody does, the
   * feed only keeps its place at the newest event instead of reading them
   * (a panel that connects loads what it shows anyway).
   */
  onChanges(handler: (changes: TicketChange[]) => void, wanted: () => boolean = () => true): void {
    this.handler = handler;
    this.wanted = wanted;
  }

  async onModuleInit(): Promise<void> {
    this.cursor = BigInt(await this.repository.latestEventId());
    this.schedule(POLL_MS);
  }

  onModuleDestroy(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.poll(), delay);
  }

  private async poll(): Promise<void> {
    let full = false;
    try {
      if (!this.wanted()) {
        // The place kept lags one read behind the newest event, so a change committing late (its id taken
        // earlier) is still read when someone starts listening.
        const latest = BigInt(await this.repository.latestEventId());
        this.cursor = this.latestWhileIdle ?? this.cursor;
        this.latestWhileIdle = latest;
        this.gaps.clear();
        this.failing = false;
        return this.schedule(POLL_MS);
      }
      this.latestWhileIdle = null;
      const rows = await this.repository.eventsSince(String(this.cursor), [...this.gaps.keys()].map(String), BATCH);
      full = rows.length === BATCH;
      if (this.failing) this.logger.log('Reading ticket changes again');
      this.failing = false;
      this.advance(rows);
    } catch (error) {
      // The cursor stays: what was committed meanwhile is read once the database answers again.
      if (!this.failing) this.logger.warn(`Live updates cannot read ticket changes: ${(error as Error).message}`);
      this.failing = true;
    }
    this.schedule(full ? 0 : POLL_MS);
  }

  private advance(rows: LiveEventRow[]): void {
    const now = Date.now();
    const changes = new Map<string, TicketChange>();
    for (const row of rows) {
      const id = BigInt(row.id);
      if (this.gaps.delete(id) || id > this.cursor!) {
        if (id - this.cursor! <= MAX_GAPS) for (let missing = this.cursor! + 1n; missing < id; missing++) this.gaps.set(missing, now);
        if (id > this.cursor!) this.cursor = id;
        const change = changes.get(row.ticketId) ?? { ticketId: row.ticketId, types: new Set<string>(), fields: new Set<string>(), eventIds: [] };
        change.eventIds.push(row.id);
        change.types.add(row.type);
        if (row.field) change.fields.add(row.field);
        changes.set(row.ticketId, change);
      }
    }
    for (const [id, since] of this.gaps) {
      if (now - since > GAP_WAIT_MS || this.gaps.size > MAX_GAPS) this.gaps.delete(id);
    }
    if (changes.size) this.handler?.([...changes.values()]);
  }
}
