import { Injectable } from '@nestjs/common';
import type { ContactReasonsReportDto } from './dtos/contact-reasons-report.dto.js';
import { ReportRangeDto } from './dtos/report-range.dto.js';
import type { ReportParams } from './report-params.js';
import { percentOf, type ReportTable } from './report-table.js';
import { ReportsRepository } from './reports.repository.js';

/** The category of complaints, whose tags are the complaint reasons. */
export const COMPLAINT_CATEGORY = 'complaint-return';

/** Why customers write: categories and tags of the tickets created in the range, and the reasons of complaints. */
@Injectable()
export class ContactReasonsReportService {
  constructor(private readonly repository: ReportsRepository) {}

  async report(p: ReportParams): Promise<ContactReasonsReportDto> {
    const [categories, rows] = await Promise.all([this.repository.categories(), this.repository.createdByCategoryAndTag(p)]);
    const byCategory = rows.filter((r) => r.grouping === 'category');
    const counts = new Map(byCategory.map((r) => [r.categoryId, r.count]));
    const total = byCategory.reduce((sum, r) => sum + r.count, 0);
    const shares: { categoryId: string | null; name: string | null; slug: string | null; count: number }[] = categories.map((c) => ({
      categoryId: c.id, name: c.name, slug: c.slug, count: counts.get(c.id) ?? 0,
    }));
    if (counts.get(null)) shares.push({ categoryId: null, name: null, slug: null, count: counts.get(null)! });
    shares.sort((a, b) => b.count - a.count);
    const byCount = (a: { tag: string; count: number }, b: { tag: string; count: number }) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0);
    const tags = rows.filter((r) => r.grouping === 'tag' && r.tag !== null && r.count > 0).map((r) => ({ tag: r.tag!, count: r.count })).sort(byCount);
    const complaintId = categories.find((c) => c.slug === COMPLAINT_CATEGORY)?.id;
    const complaintRows = complaintId ? rows.filter((r) => r.grouping === 'category_tag' && r.categoryId === complaintId) : [];
    const complaintTotal = counts.get(complaintId ?? '') ?? 0;
    const reasons = complaintRows.filter((r) => r.tag !== null).map((r) => ({ tag: r.tag!, count: r.count })).sort(byCount);
    return {
      range: ReportRangeDto.from(p),
      total,
      categories: shares.map((r) => ({ ...r, percent: percentOf(r.count, total) })),
      tags: tags.map((t) => ({ ...t, percent: percentOf(t.count, total) })),
      complaints: {
        total: complaintTotal,
        untagged: complaintRows.find((r) => r.tag === null)?.count ?? 0,
        reasons: reasons.map((t) => ({ ...t, percent: percentOf(t.count, complaintTotal) })),
      },
    };
  }

  table(report: ContactReasonsReportDto): ReportTable {
    return {
      header: ['section', 'name', 'slug', 'count', 'percent'],
      rows: [
        ['total', null, null, report.total, null],
        ...report.categories.map((c) => ['category', c.name, c.slug, c.count, c.percent]),
        ...report.tags.map((t) => ['tag', t.tag, null, t.count, t.percent]),
        ['complaints', null, COMPLAINT_CATEGORY, report.complaints.total, null],
        ...report.complaints.reasons.map((t) => ['complaint_reason', t.tag, null, t.count, t.percent]),
      ],
    };
  }
}
