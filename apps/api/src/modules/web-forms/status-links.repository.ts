import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FormLanguage } from '@okienko/domain';
import { DataSource, type EntityManager } from 'typeorm';

export interface StatusLinkRow {
  id: string;
  ticketId: string;
  language: FormLanguage;
  channelId: string | null;
  threadId: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** A link to write: its id (the token is derived from it) and the SHA-256 of the token. */
export interface NewStatusLink {
  id: string;
  ticketId: string;
  tokenSha256: Buffer;
  language: FormLanguage;
  channelId: string | null;
  threadId: string;
}

const COLUMNS = `id, ticket_id AS "ticketId", language, channel_id AS "channelId", thread_id AS "threadId", created_at AS "createdAt", revoked_at AS "revokedAt"`;

/** The customers' status links: only the SHA-256 of each token is kept. */
@Injectable()
export class StatusLinksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager | null,
    link: NewStatusLink,
  ): Promise<StatusLinkRow> {
    const rows: StatusLinkRow[] = await (manager ?? this.dataSource.manager).query(
      `INSERT INTO ticket_status_links (id, ticket_id, token_sha256, language, channel_id, thread_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [link.id, link.ticketId, link.tokenSha256, link.language, link.channelId, link.threadId],
    );
    return rows[0];
  }

  /** The ticket's links with their token hashes, newest first, read through `manager` (the caller's transaction, if any). */
  async withHashesOfTicket(manager: EntityManager | null, ticketId: string): Promise<(StatusLinkRow & { tokenSha256: Buffer })[]> {
    return (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS}, token_sha256 AS "tokenSha256" FROM ticket_status_links WHERE ticket_id = $1 ORDER BY created_at DESC, id LIMIT 20`,
      [ticketId],
    );
  }

  async findByTokenHash(tokenSha256: Buffer): Promise<StatusLinkRow | null> {
    const rows: StatusLinkRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM ticket_status_links WHERE token_sha256 = $1`, [tokenSha256]);
    return rows[0] ?? null;
  }

  /** The ticket's links, newest first. */
  async allOfTicket(ticketId: string): Promise<StatusLinkRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ticket_status_links WHERE ticket_id = $1 ORDER BY created_at DESC`,
      [ticketId],
    );
  }

  /** Revokes every link of the ticket; how many were revoked. */
  async revokeAll(ticketId: string): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE ticket_status_links SET revoked_at = now() WHERE ticket_id = $1 AND revoked_at IS NULL`,
      [ticketId],
    );
    return result[1];
  }
}
