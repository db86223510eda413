import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** A user watching a ticket, by name. */
export interface TicketWatcher {
  userId: string;
  name: string;
}

/** Who watches which ticket (`ticket_watchers`): they get its notifications as its assignee does. */
@Injectable()
export class TicketWatchersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async watch(ticketId: string, userId: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO ticket_watchers (ticket_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [ticketId, userId]);
  }

  async unwatch(ticketId: string, userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ticket_watchers WHERE ticket_id = $1 AND user_id = $2`, [ticketId, userId]);
  }

  /** The ticket's watchers by name. */
  async watchersOf(ticketId: string, manager: EntityManager = this.dataSource.manager): Promise<TicketWatcher[]> {
    const rows = (await manager.query(
      `SELECT u.id, u.name FROM ticket_watchers w JOIN users u ON u.id = w.user_id WHERE w.ticket_id = $1 ORDER BY u.name, u.id`,
      [ticketId],
    )) as { id: string; name: string }[];
    return rows.map((r) => ({ userId: r.id, name: r.name }));
  }
}
