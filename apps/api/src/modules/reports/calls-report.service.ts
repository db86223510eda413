import { Injectable } from '@nestjs/common';
import { CallsReportRepository, type CallCountRow } from './calls-report.repository.js';
import type { AgentCallsDto, CallFiguresDto, CallsReportDto, QueueCallsDto } from './dtos/calls-report.dto.js';
import { ReportRangeDto } from './dtos/report-range.dto.js';
import type { ReportParams } from './report-params.js';
import { percentOf, type ReportTable } from './report-table.js';

const figures = (r: Pick<CallCountRow, 'answered' | 'missed' | 'outbound' | 'callBacks'>): CallFiguresDto => ({
  answered: r.answered, missed: r.missed, outbound: r.outbound, callBacks: r.callBacks, answeredPercent: percentOf(r.answered, r.answered + r.missed),
});

/** Named rows first, by name; the row without an id (no queue, nobody) last. */
const byName = (a: { name: string | null; id: string | null }, b: { name: string | null; id: string | null }) =>
  (a.id === null ? 1 : 0) - (b.id === null ? 1 : 0) || (a.name ?? '').localeCompare(b.name ?? '', 'pl');

/** Phone calls per queue and per agent: answered, missed, outbound and call-backs. */
@Injectable()
export class CallsReportService {
  constructor(private readonly repository: CallsReportRepository) {}

  async report(p: ReportParams): Promise<CallsReportDto> {
    const rows = await this.repository.counts(p);
    const total = rows.find((r) => r.kind === 'total') ?? { answered: 0, missed: 0, outbound: 0, callBacks: 0 };
    const queues: QueueCallsDto[] = rows
      .filter((r) => r.kind === 'queue')
      .sort(byName)
      .map((r) => ({ queueId: r.id, name: r.name, ...figures(r) }));
    const agents: AgentCallsDto[] = rows
      .filter((r) => r.kind === 'agent')
      .sort(byName)
      .map((r) => ({ userId: r.id, name: r.name, ...figures(r) }));
    return { range: ReportRangeDto.from(p), total: figures(total), queues, agents };
  }

  table(report: CallsReportDto): ReportTable {
    const row = (section: string, id: string | null, name: string | null, f: CallFiguresDto) => [
      section, id, name, f.answered, f.missed, f.outbound, f.callBacks, f.answeredPercent,
    ];
    return {
      header: ['section', 'id', 'name', 'answered', 'missed', 'outbound', 'call_backs', 'answered_percent'],
      rows: [
        row('total', null, null, report.total),
        ...report.queues.map((q) => row('queue', q.queueId, q.name, q)),
        ...report.agents.map((a) => row('agent', a.userId, a.name, a)),
      ],
    };
  }
}
