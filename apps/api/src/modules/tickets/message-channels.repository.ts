import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelType, UsedChannel } from '@okienko/domain';
import { DataSource, type EntityManager } from 'typeorm';

/** A channel messages of a ticket came in on or went out on. */
export interface TicketChannel {
  id: string | null;
  type: ChannelType;
  name: string | null;
}

/** Which channels the messages of a ticket came in on and went out on (messages joined with their channels). */
@Injectable()
export class MessageChannelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The channels the customer wrote on, on this ticket, latest first (their
   * automatic mail aside), with the address or id each last wrote from, and
   * when the channel's reply window (`settings.replyWindowHours`) closes: the
   * customer's last message on it plus the window.
   */
  async usedChannels(manager: EntityManager, ticketId: string): Promise<UsedChannel[]> {
    const rows: { id: string; type: ChannelType; name: string; recipient: string | null; window_ends_at: Date | null }[] = await manager.query(
      `SELECT c.id, c.type, c.name, (array_agg(m.from_address ORDER BY m.created_at DESC, m.id DESC))[1] AS recipient,
              max(m.created_at) + make_interval(hours => (c.settings ->> 'replyWindowHours')::int) AS window_ends_at
         FROM messages m JOIN channels c ON c.id = m.channel_id
        WHERE m.ticket_id = $1 AND m.direction = 'inbound' AND NOT m.automated
        GROUP BY c.id
        ORDER BY max(m.created_at) DESC, c.id`,
      [ticketId],
    );
    return rows.map((r) => ({ id: r.id, type: r.type, name: r.name, recipient: r.recipient ?? '', replyWindowEndsAt: r.window_ends_at }));
  }

  /**
   * Every channel the ticket's conversation came in on or went out on, oldest
   * first; messages on none of our channels count once per channel type.
   */
  async ticketChannels(ticketId: string): Promise<TicketChannel[]> {
    const rows: TicketChannel[] = await this.dataSource.query(
      `SELECT m.channel_id AS id, m.channel_type AS type, c.name
         FROM messages m LEFT JOIN channels c ON c.id = m.channel_id
        WHERE m.ticket_id = $1 AND m.direction <> 'note' AND m.purpose = 'conversation'
        GROUP BY m.channel_id, m.channel_type, c.name
        ORDER BY min(m.created_at), min(m.id::text)`,
      [ticketId],
    );
    return rows;
  }
}
