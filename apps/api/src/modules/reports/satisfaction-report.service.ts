import { Injectable } from '@nestjs/common';
import { ReportRangeDto } from './dtos/report-range.dto.js';
import type { SatisfactionReportDto } from './dtos/satisfaction-report.dto.js';
import type { ReportParams } from './report-params.js';
import { percentOf, type ReportTable } from './report-table.js';
import { ReportsRepository } from './reports.repository.js';

const LATEST_COMMENTS = 20;

/** Customer satisfaction from the surveys answered in the range: CSAT, NPS, the response rate, the latest comments. */
@Injectable()
export class SatisfactionReportService {
  constructor(private readonly repository: ReportsRepository) {}

  async report(p: ReportParams): Promise<SatisfactionReportDto> {
    const [scores, sent, comments] = await Promise.all([
      this.repository.surveyScores(p), this.repository.surveysSent(p), this.repository.surveyComments(p, LATEST_COMMENTS),
    ]);
    const count = (kind: 'csat' | 'nps', test: (score: number) => boolean) =>
      scores.filter((s) => s.kind === kind && test(s.score)).reduce((sum, s) => sum + s.count, 0);
    const csatCount = count('csat', () => true);
    const csatSum = scores.filter((s) => s.kind === 'csat').reduce((sum, s) => sum + s.score * s.count, 0);
    const npsCount = count('nps', () => true);
    const promoters = count('nps', (s) => s >= 9);
    const detractors = count('nps', (s) => s <= 6);
    return {
      range: ReportRangeDto.from(p),
      csat: {
        count: csatCount,
        average: csatCount ? Math.round((csatSum / csatCount) * 100) / 100 : null,
        distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: count('csat', (s) => s === score) })),
      },
      nps: {
        count: npsCount, promoters, passives: npsCount - promoters - detractors, detractors,
        score: npsCount ? Math.round(((promoters - detractors) / npsCount) * 1000) / 10 : null,
      },
      responseRate: { ...sent, percent: percentOf(sent.answered, sent.sent) },
      comments: comments.map((c) => ({ ...c, answeredAt: new Date(c.answeredAt).toISOString() })),
    };
  }

  table(report: SatisfactionReportDto): ReportTable {
    const { csat, nps, responseRate: rate } = report;
    return {
      header: ['section', 'name', 'value', 'ticket_number', 'comment', 'answered_at'],
      rows: [
        ['csat', 'answers', csat.count, null, null, null],
        ['csat', 'average', csat.average, null, null, null],
        ...csat.distribution.map((d) => ['csat_distribution', String(d.score), d.count, null, null, null]),
        ['nps', 'answers', nps.count, null, null, null],
        ['nps', 'promoters', nps.promoters, null, null, null],
        ['nps', 'passives', nps.passives, null, null, null],
        ['nps', 'detractors', nps.detractors, null, null, null],
        ['nps', 'score', nps.score, null, null, null],
        ['response_rate', 'sent', rate.sent, null, null, null],
        ['response_rate', 'answered', rate.answered, null, null, null],
        ['response_rate', 'percent', rate.percent, null, null, null],
        ...report.comments.map((c) => ['comment', c.kind, c.score, c.ticketNumber, c.comment, c.answeredAt]),
      ],
    };
  }
}
