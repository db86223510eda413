import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SurveyKind } from '@okienko/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { CustomerEntity } from '../customers/entities/customer.entity.js';
import { SurveyEntity } from './entities/survey.entity.js';

/** A ticket's satisfaction survey as the ticket read shows it. */
export interface TicketSurveyRow {
  kind: 'csat' | 'nps';
  score: number | null;
  comment: string | null;
  sentAt: Date;
  expiresAt: Date;
  answeredAt: Date | null;
}

/** A survey with what its page shows of the ticket and who answers it. */
export interface SurveyWithTicket {
  survey: SurveyEntity;
  ticketNumber: string;
  ticketSubject: string;
  customerId: string;
  customerName: string | null;
  customerEmail: string | null;
}

@Injectable()
export class SurveysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Whether the ticket has had its survey already. */
  async existsForTicket(manager: EntityManager, ticketId: string): Promise<boolean> {
    return manager.existsBy(SurveyEntity, { ticketId });
  }

  /** The ticket's new survey, or null when it has one already (one per ticket, also under concurrent closes). */
  async insertOnce(
    manager: EntityManager,
    survey: { ticketId: string; kind: SurveyKind; ruleId: string | null; sentAt: Date; expiresAt: Date },
  ): Promise<SurveyEntity | null> {
    const rows = (await manager.query(
      `INSERT INTO surveys (ticket_id, kind, rule_id, sent_at, expires_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id) DO NOTHING RETURNING id`,
      [survey.ticketId, survey.kind, survey.ruleId, survey.sentAt, survey.expiresAt],
    )) as { id: string }[];
    return rows[0] ? manager.findOneByOrFail(SurveyEntity, { id: rows[0].id }) : null;
  }

  customer(manager: EntityManager, id: string): Promise<CustomerEntity | null> {
    return manager.findOneBy(CustomerEntity, { id });
  }

  async setMessage(manager: EntityManager, surveyId: string, messageId: string): Promise<void> {
    await manager.update(SurveyEntity, { id: surveyId }, { messageId });
  }

  /**
   * Whether the ticket's customer wrote to it only by machine (auto-replies,
   * notifications, bounces): true when it has inbound mail and none from a person.
   */
  async customerWroteOnlyAutomated(manager: EntityManager, ticketId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT count(*)::int AS inbound, count(*) FILTER (WHERE NOT automated)::int AS human
         FROM messages WHERE ticket_id = $1 AND direction = 'inbound'`,
      [ticketId],
    )) as { inbound: number; human: number }[];
    return rows[0].inbound > 0 && rows[0].human === 0;
  }

  async findWithTicket(surveyId: string, manager: EntityManager = this.dataSource.manager): Promise<SurveyWithTicket | null> {
    const survey = await manager.findOneBy(SurveyEntity, { id: surveyId });
    if (!survey) return null;
    const rows = (await manager.query(
      `SELECT t.number, t.subject, c.id AS customer_id, c.name, c.email
         FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = $1`,
      [survey.ticketId],
    )) as { number: string; subject: string; customer_id: string; name: string | null; email: string | null }[];
    const row = rows[0];
    if (!row) return null;
    return { survey, ticketNumber: row.number, ticketSubject: row.subject, customerId: row.customer_id, customerName: row.name, customerEmail: row.email };
  }

  /** Stores the answer unless the survey has one (or its link expired); null when nothing was stored. */
  async answerOnce(manager: EntityManager, surveyId: string, score: number, comment: string | null): Promise<SurveyEntity | null> {
    const rows = (await manager.query(
      `UPDATE surveys SET score = $2, comment = $3, answered_at = now()
        WHERE id = $1 AND answered_at IS NULL AND expires_at > now() RETURNING id`,
      [surveyId, score, comment],
    )) as [{ id: string }[], number];
    return rows[0].length > 0 ? manager.findOneByOrFail(SurveyEntity, { id: surveyId }) : null;
  }

  /** The ticket's satisfaction survey (one at most), or null. */
  async surveyOf(ticketId: string): Promise<TicketSurveyRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT kind, score, comment, sent_at, expires_at, answered_at FROM surveys WHERE ticket_id = $1`,
      [ticketId],
    )) as { kind: 'csat' | 'nps'; score: number | null; comment: string | null; sent_at: Date; expires_at: Date; answered_at: Date | null }[];
    const row = rows[0];
    return row
      ? { kind: row.kind, score: row.score, comment: row.comment, sentAt: row.sent_at, expiresAt: row.expires_at, answeredAt: row.answered_at }
      : null;
  }
}
