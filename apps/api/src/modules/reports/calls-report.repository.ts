import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReportParams } from './report-params.js';
import { SqlParams } from './report-sql.js';

/** Call counts of one group: the whole range (`kind` total), a queue or an agent. */
export interface CallCountRow {
  kind: 'total' | 'queue' | 'agent';
  id: string | null;
  name: string | null;
  answered: number;
  missed: number;
  outbound: number;
  callBacks: number;
}

/**
 * The calls report's one query: the calls started in the range, each with
 * its queue (the channel's, else the ticket's) and whether it was a call-back
 * (outbound, to a number whose call was missed earlier in the range), counted
 * for the range, per queue and per agent in one pass (grouping sets).
 */
@Injectable()
export class CallsReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  counts(p: ReportParams): Promise<CallCountRow[]> {
    const sql = new SqlParams();
    const start = sql.add(p.range.start);
    const end = sql.add(p.range.end);
    const filters = [
      p.filters.queueId ? `k.queue_id = ${sql.add(p.filters.queueId)}::uuid` : null,
      p.filters.assigneeId ? `k.agent_user_id = ${sql.add(p.filters.assigneeId)}::uuid` : null,
    ].filter(Boolean);
    return this.dataSource.query(
      `WITH k AS (
         SELECT c.direction, c.state, c.answered_at, c.phone, c.started_at, c.agent_user_id, COALESCE(ch.queue_id, t.queue_id) AS queue_id
           FROM calls c LEFT JOIN channels ch ON ch.id = c.channel_id LEFT JOIN tickets t ON t.id = c.ticket_id
          WHERE c.started_at >= ${start} AND c.started_at < ${end}
       ), f AS (
         SELECT k.*, k.direction = 'out' AND k.phone IS NOT NULL AND EXISTS (
                  SELECT 1 FROM k m WHERE m.state = 'missed' AND m.direction = 'in' AND m.phone = k.phone AND m.started_at < k.started_at) AS call_back
           FROM k ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}
       )
       SELECT CASE WHEN GROUPING(f.queue_id) = 0 THEN 'queue' WHEN GROUPING(f.agent_user_id) = 0 THEN 'agent' ELSE 'total' END AS kind,
              CASE WHEN GROUPING(f.queue_id) = 0 THEN f.queue_id ELSE f.agent_user_id END AS id,
              CASE WHEN GROUPING(f.queue_id) = 0 THEN min(q.name) ELSE min(u.name) END AS name,
              count(*) FILTER (WHERE f.direction = 'in' AND f.answered_at IS NOT NULL)::int AS answered,
              count(*) FILTER (WHERE f.direction = 'in' AND f.state = 'missed')::int AS missed,
              count(*) FILTER (WHERE f.direction = 'out')::int AS outbound,
              count(*) FILTER (WHERE f.call_back)::int AS "callBacks"
         FROM f LEFT JOIN queues q ON q.id = f.queue_id LEFT JOIN users u ON u.id = f.agent_user_id
        GROUP BY GROUPING SETS ((), (f.queue_id), (f.agent_user_id))`,
      sql.values,
    );
  }
}
