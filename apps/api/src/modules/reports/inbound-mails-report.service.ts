import { Injectable } from '@nestjs/common';
import type { InboundMailsReportDto } from './dtos/inbound-mails-report.dto.js';
import { ReportRangeDto } from './dtos/report-range.dto.js';
import type { ReportParams } from './report-params.js';
import type { ReportTable } from './report-table.js';
import { ReportsRepository } from './reports.repository.js';

/** Incoming mails per inbound address and bucket (with ticket filters: the mails of the matching tickets). */
@Injectable()
export class InboundMailsReportService {
  constructor(private readonly repository: ReportsRepository) {}

  async report(p: ReportParams): Promise<InboundMailsReportDto> {
    const [addresses, rows] = await Promise.all([this.repository.inboundAddresses(), this.repository.inboundMailsBy(p)]);
    const counts = new Map(rows.map((r) => [`${r.key}|${r.addressId}`, r.count]));
    const totals = new Map<string, number>();
    const buckets = p.buckets.map((b) => {
      const perAddress = addresses.map((a) => {
        const mails = counts.get(`${b.key}|${a.id}`) ?? 0;
        totals.set(a.id, (totals.get(a.id) ?? 0) + mails);
        return { addressId: a.id, address: a.address, name: a.name, mails };
      });
      return {
        bucket: b.key, start: b.start.toISOString(), end: b.end.toISOString(),
        mails: perAddress.reduce((sum, a) => sum + a.mails, 0), addresses: perAddress,
      };
    });
    return {
      range: ReportRangeDto.from(p),
      addresses: addresses.map((a) => ({ addressId: a.id, address: a.address, name: a.name, mails: totals.get(a.id) ?? 0 })),
      buckets,
    };
  }

  table(report: InboundMailsReportDto): ReportTable {
    return {
      header: ['bucket', 'start', 'end', 'address', 'name', 'mails'],
      rows: report.buckets.flatMap((b) => b.addresses.map((a) => [b.bucket, b.start, b.end, a.address, a.name, a.mails])),
    };
  }
}
