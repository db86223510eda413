import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The memberships the ticket access policy reads. */
@Injectable()
export class TicketAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The queues each of the users works in (member or lead), in one query. */
  async queuesOf(userIds: string[]): Promise<Map<string, Set<string>>> {
    const result = new Map<string, Set<string>>(userIds.map((id) => [id, new Set<string>()]));
    if (!userIds.length) return result;
    const rows = (await this.dataSource.query(
      `SELECT user_id, queue_id FROM queue_members WHERE user_id = ANY($1::uuid[])
       UNION SELECT lead_id, id FROM queues WHERE lead_id = ANY($1::uuid[])`,
      [userIds],
    )) as { user_id: string; queue_id: string }[];
    for (const row of rows) result.get(row.user_id)?.add(row.queue_id);
    return result;
  }
}
