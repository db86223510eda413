import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FormLanguage, FormValue } from '@okienko/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { NewStatusLink } from './status-links.repository.js';
import type { NewAttachment } from '../tickets/messages.repository.js';

export type SubmissionState = 'filed' | 'spam';

export interface FormSubmissionRow {
  id: string;
  channelId: string;
  channelName: string | null;
  state: SubmissionState;
  spamReasons: string[];
  language: FormLanguage;
  values: Record<string, FormValue>;
  email: string | null;
  phone: string | null;
  clientIp: string | null;
  origin: string | null;
  ticketId: string | null;
  ticketNumber: string | null;
  createdAt: Date;
  filedAt: Date | null;
  fileCount: number;
}

export interface NewSubmission {
  id: string;
  channelId: string;
  state: SubmissionState;
  spamReasons: string[];
  language: FormLanguage;
  values: Record<string, FormValue>;
  email: string | null;
  phone: string | null;
  clientIp: string | null;
  origin: string | null;
  ticketId: string | null;
  messageId: string | null;
}

const SELECT = `
  SELECT s.id, s.channel_id AS "channelId", c.name AS "channelName", s.state, s.spam_reasons AS "spamReasons", s.language,
         s.field_values AS "values", s.email, s.phone, s.client_ip AS "clientIp", s.origin, s.ticket_id AS "ticketId",
         t.number AS "ticketNumber", s.created_at AS "createdAt", s.filed_at AS "filedAt",
         (SELECT count(*)::int FROM form_submission_files f WHERE f.submission_id = s.id) AS "fileCount"
    FROM form_submissions s
    LEFT JOIN channels c ON c.id = s.channel_id
    LEFT JOIN tickets t ON t.id = s.ticket_id`;

/** Submissions of web forms (filed or kept as spam) and the files of those kept as spam. */
@Injectable()
export class FormSubmissionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager | null, s: NewSubmission): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      `INSERT INTO form_submissions (id, channel_id, state, spam_reasons, language, field_values, email, phone, client_ip, origin, ticket_id, message_id, filed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $3 = 'filed' THEN now() END)`,
      [s.id, s.channelId, s.state, s.spamReasons, s.language, JSON.stringify(s.values), s.email, s.phone, s.clientIp, s.origin, s.ticketId, s.messageId],
    );
  }

  /** A filed submission and the status link of its ticket, in one statement. */
  async insertWithStatusLink(manager: EntityManager, s: NewSubmission, link: NewStatusLink): Promise<void> {
    await manager.query(
      `WITH submission AS (
         INSERT INTO form_submissions (id, channel_id, state, spam_reasons, language, field_values, email, phone, client_ip, origin, ticket_id, message_id, filed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CASE WHEN $3 = 'filed' THEN now() END)
       )
       INSERT INTO ticket_status_links (id, ticket_id, token_sha256, language, channel_id, thread_id) VALUES ($13, $14, $15, $16, $17, $18)`,
      [
        s.id, s.channelId, s.state, s.spamReasons, s.language, JSON.stringify(s.values), s.email, s.phone, s.clientIp, s.origin, s.ticketId, s.messageId,
        link.id, link.ticketId, link.tokenSha256, link.language, link.channelId, link.threadId,
      ],
    );
  }

  /** The files of a submission kept as spam, in one statement. */
  async insertFiles(manager: EntityManager, submissionId: string, files: NewAttachment[]): Promise<void> {
    if (!files.length) return;
    const rows = files.map((_, i) => `($1, $${5 * i + 2}, $${5 * i + 3}, $${5 * i + 4}, $${5 * i + 5}, $${5 * i + 6})`);
    await manager.query(
      `INSERT INTO form_submission_files (submission_id, filename, content_type, sha256, content, position) VALUES ${rows.join(', ')}`,
      [submissionId, ...files.flatMap((f, position) => [f.filename, f.contentType, f.sha256, f.content, position])],
    );
  }

  async filesOf(manager: EntityManager, submissionId: string): Promise<NewAttachment[]> {
    const rows: { filename: string; contentType: string; sha256: string; content: Buffer }[] = await manager.query(
      `SELECT filename, content_type AS "contentType", sha256, content FROM form_submission_files WHERE submission_id = $1 ORDER BY position`,
      [submissionId],
    );
    return rows.map((r) => ({ ...r, contentId: null, inline: false }));
  }

  /** Locks a submission kept as spam (null when missing or filed already). */
  async lockSpam(manager: EntityManager, id: string): Promise<FormSubmissionRow | null> {
    const locked: { id: string }[] = await manager.query(`SELECT id FROM form_submissions WHERE id = $1 AND state = 'spam' FOR UPDATE`, [id]);
    return locked.length ? this.find(id, manager) : null;
  }

  /** A spam submission filed as a ticket after all: its files go with the ticket's message. */
  async markFiled(manager: EntityManager, id: string, ticketId: string, messageId: string | null): Promise<void> {
    await manager.query(
      `UPDATE form_submissions SET state = 'filed', ticket_id = $2, message_id = $3, filed_at = now() WHERE id = $1`,
      [id, ticketId, messageId],
    );
    await manager.query(`DELETE FROM form_submission_files WHERE submission_id = $1`, [id]);
  }

  async find(id: string, manager?: EntityManager): Promise<FormSubmissionRow | null> {
    const rows: FormSubmissionRow[] = await (manager ?? this.dataSource.manager).query(`${SELECT} WHERE s.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Newest first. */
  async list(filter: { state?: SubmissionState; channelId?: string }, limit: number, offset: number): Promise<[FormSubmissionRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.state) where.push(`s.state = $${params.push(filter.state)}`);
    if (filter.channelId) where.push(`s.channel_id = $${params.push(filter.channelId)}`);
    const condition = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const [rows, count] = await Promise.all([
      this.dataSource.query(`${SELECT}${condition} ORDER BY s.created_at DESC, s.id LIMIT ${limit} OFFSET ${offset}`, params) as Promise<FormSubmissionRow[]>,
      this.dataSource.query(`SELECT count(*)::int AS n FROM form_submissions s${condition}`, params) as Promise<{ n: number }[]>,
    ]);
    return [rows, count[0].n];
  }

  /** The structured data of a ticket's form messages (for templates and the ticket view): the newest submission's values. */
  async valuesOfTicket(ticketId: string, manager: EntityManager | null = null): Promise<{ values: Record<string, FormValue>; settings: unknown } | null> {
    const rows: { values: Record<string, FormValue>; settings: unknown }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT s.field_values AS "values", c.settings
         FROM form_submissions s JOIN channels c ON c.id = s.channel_id
        WHERE s.ticket_id = $1 ORDER BY s.created_at DESC LIMIT 1`,
      [ticketId],
    );
    return rows[0] ?? null;
  }
}
