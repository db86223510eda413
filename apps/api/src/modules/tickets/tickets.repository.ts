import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm';
import { TicketEventEntity } from './entities/ticket-event.entity.js';
import { TicketEntity } from './entities/ticket.entity.js';
import { TicketEventObservers } from './ticket-event-observers.js';

export type NewTicketEvent = Omit<TicketEventEntity, 'id' | 'createdAt'>;

/** Tickets and their audit events: find, lock, number, insert, change. */
@Injectable()
export class TicketsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly observers: TicketEventObservers,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
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
  async ensureSequence(year: number): Promise<string> {
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

  insertTicket(manager: EntityManager, ticket: Partial<TicketEntity>): Promise<TicketEntity> {
    return manager.save(manager.create(TicketEntity, { inboundAddresses: [], previousTicketId: null, ...ticket }));
  }

  async updateTicket(manager: EntityManager, id: string, patch: Partial<TicketEntity>): Promise<void> {
    await manager.update(TicketEntity, { id }, patch);
  }

  /** Writes audit events; those who observe them (notifications) follow in the same transaction. */
  async insertEvents(manager: EntityManager, events: NewTicketEvent[]): Promise<void> {
    if (!events.length) return;
    const result = await manager.insert(TicketEventEntity, events as QueryDeepPartialEntity<TicketEventEntity>[]);
    await this.observers.written(manager, events.map((event, i) => ({ ...event, id: String(result.identifiers[i]?.id) })));
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

  eventsOf(ticketId: string): Promise<TicketEventEntity[]> {
    return this.dataSource.manager.find(TicketEventEntity, { where: { ticketId }, order: { id: 'ASC' } });
  }
}
