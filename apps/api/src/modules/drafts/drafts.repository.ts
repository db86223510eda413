import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MessageDraftEntity } from './entities/message-draft.entity.js';

export type DraftContent = Pick<MessageDraftEntity, 'type' | 'body' | 'html' | 'toAddresses' | 'ccAddresses' | 'bccAddresses' | 'channelId'>;

/** An author of a draft on a ticket, for the colleagues' collision warning. */
export interface DraftAuthor {
  userId: string;
  name: string;
  type: 'reply' | 'note';
  updatedAt: Date;
}

/** Drafts, one per agent and ticket; the only code that queries `message_drafts`. */
@Injectable()
export class DraftsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(ticketId: string, userId: string): Promise<MessageDraftEntity | null> {
    return this.dataSource.getRepository(MessageDraftEntity).findOneBy({ ticketId, userId });
  }

  /** Writes the agent's draft on the ticket, replacing the one they had (a channel that is gone is forgotten). */
  async save(ticketId: string, userId: string, content: DraftContent): Promise<MessageDraftEntity> {
    const rows = (await this.dataSource.query(
      `INSERT INTO message_drafts (ticket_id, user_id, type, body, html, to_addresses, cc_addresses, bcc_addresses, channel_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT id FROM channels WHERE id = $9::uuid), now())
       ON CONFLICT (ticket_id, user_id) DO UPDATE SET type = EXCLUDED.type, body = EXCLUDED.body, html = EXCLUDED.html,
         to_addresses = EXCLUDED.to_addresses, cc_addresses = EXCLUDED.cc_addresses, bcc_addresses = EXCLUDED.bcc_addresses,
         channel_id = EXCLUDED.channel_id, updated_at = now()
       RETURNING id`,
      [ticketId, userId, content.type, content.body, content.html, content.toAddresses, content.ccAddresses, content.bccAddresses, content.channelId],
    )) as { id: string }[];
    return (await this.dataSource.getRepository(MessageDraftEntity).findOneBy({ id: rows[0].id }))!;
  }

  async delete(ticketId: string, userId: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(MessageDraftEntity).delete({ ticketId, userId });
    return (result.affected ?? 0) > 0;
  }

  /** Other agents' drafts on the ticket with something written in them, newest first. */
  async colleagues(ticketId: string, userId: string): Promise<DraftAuthor[]> {
    const rows = (await this.dataSource.query(
      `SELECT d.user_id, u.name, d.type, d.updated_at FROM message_drafts d JOIN users u ON u.id = d.user_id
       WHERE d.ticket_id = $1 AND d.user_id <> $2 AND btrim(d.body) <> '' ORDER BY d.updated_at DESC`,
      [ticketId, userId],
    )) as { user_id: string; name: string; type: 'reply' | 'note'; updated_at: Date }[];
    return rows.map((r) => ({ userId: r.user_id, name: r.name, type: r.type, updatedAt: r.updated_at }));
  }
}
