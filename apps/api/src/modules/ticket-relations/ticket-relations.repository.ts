import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface MovedMessage {
  id: string;
  direction: 'inbound' | 'outbound' | 'note';
  subject: string | null;
  createdAt: Date;
}

/** What merging and splitting move between tickets: messages (their attachments follow them), watchers, search words. */
@Injectable()
export class TicketRelationsRepository {
  /** The messages of a ticket, oldest first. */
  messagesOf(manager: EntityManager, ticketId: string): Promise<MovedMessage[]> {
    return manager.query(
      `SELECT id, direction, subject, created_at AS "createdAt" FROM messages WHERE ticket_id = $1 ORDER BY created_at, id`,
      [ticketId],
    );
  }

  /** Moves every message of `fromId` to `toId`; answers the ids moved. */
  async moveAllMessages(manager: EntityManager, fromId: string, toId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `WITH moved AS (UPDATE messages SET ticket_id = $2 WHERE ticket_id = $1 RETURNING id) SELECT id FROM moved`,
      [fromId, toId],
    );
    return rows.map((r) => r.id);
  }

  /** Moves these messages of `fromId` to `toId`. */
  async moveMessages(manager: EntityManager, messageIds: string[], fromId: string, toId: string): Promise<void> {
    await manager.query(`UPDATE messages SET ticket_id = $3 WHERE id = ANY($1::uuid[]) AND ticket_id = $2`, [messageIds, fromId, toId]);
  }

  /** How many attachments the messages carry. */
  async attachmentCount(manager: EntityManager, messageIds: string[]): Promise<number> {
    if (!messageIds.length) return 0;
    const rows: { count: string }[] = await manager.query(`SELECT count(*) AS count FROM attachments WHERE message_id = ANY($1::uuid[])`, [messageIds]);
    return Number(rows[0].count);
  }

  /** The source's watchers watch the target instead (one who watches both is kept once). */
  async moveWatchers(manager: EntityManager, fromId: string, toId: string): Promise<void> {
    await manager.query(
      `WITH gone AS (DELETE FROM ticket_watchers WHERE ticket_id = $1 RETURNING user_id)
       INSERT INTO ticket_watchers (ticket_id, user_id) SELECT $2, user_id FROM gone ON CONFLICT DO NOTHING`,
      [fromId, toId],
    );
  }

  /** Rebuilds the search words of the tickets from their messages (the tickets' own trigger does it on a subject update). */
  async refreshSearch(manager: EntityManager, ticketIds: string[]): Promise<void> {
    await manager.query(`UPDATE tickets SET subject = subject WHERE id = ANY($1::uuid[])`, [ticketIds]);
  }
}
