import { Injectable } from '@nestjs/common';
import type { AgentLoadDto, LoadReportDto } from './dtos/load-report.dto.js';
import { ReportRangeDto } from './dtos/report-range.dto.js';
import type { ReportParams } from './report-params.js';
import type { ReportTable } from './report-table.js';
import { ReportsRepository } from './reports.repository.js';

const byId = (rows: { id: string | null; count: number }[]) => new Map(rows.map((r) => [r.id, r.count]));

/** Open tickets per agent and queue now; tickets resolved and replies written per agent in the range. */
@Injectable()
export class LoadReportService {
  constructor(private readonly repository: ReportsRepository) {}

  async report(p: ReportParams): Promise<LoadReportDto> {
    const [users, queues, openByAgent, openByQueue, resolved, replies] = await Promise.all([
      this.repository.users(),
      this.repository.queues(),
      this.repository.openTicketsBy('assignee_id', p).then(byId),
      this.repository.openTicketsBy('queue_id', p).then(byId),
      this.repository.resolvedByAssignee(p).then(byId),
      this.repository.repliesByAgent(p).then(byId),
    ]);
    const figures = (id: string | null) => ({ openNow: openByAgent.get(id) ?? 0, resolved: resolved.get(id) ?? 0, replies: id ? (replies.get(id) ?? 0) : 0 });
    const agents: AgentLoadDto[] = users
      .map((u) => ({ userId: u.id, name: u.name, email: u.email, active: u.active, ...figures(u.id) }))
      .filter((a) => a.active || a.openNow || a.resolved || a.replies)
      .map(({ active: _active, ...a }) => a);
    const unassigned = figures(null);
    if (unassigned.openNow || unassigned.resolved) agents.push({ userId: null, name: null, email: null, ...unassigned });
    const queueRows = queues.map((q) => ({ queueId: q.id, name: q.name, openNow: openByQueue.get(q.id) ?? 0 }));
    if (openByQueue.get(null)) queueRows.push({ queueId: null, name: null, openNow: openByQueue.get(null)! });
    return { range: ReportRangeDto.from(p), agents, queues: queueRows };
  }

  table(report: LoadReportDto): ReportTable {
    return {
      header: ['section', 'id', 'name', 'email', 'open_now', 'resolved', 'replies'],
      rows: [
        ...report.agents.map((a) => ['agent', a.userId, a.name, a.email, a.openNow, a.resolved, a.replies]),
        ...report.queues.map((q) => ['queue', q.queueId, q.name, null, q.openNow, null, null]),
      ],
    };
  }
}
