import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The seeded complaints queue and category (by their stable slugs), where complaint forms file by default. */
@Injectable()
export class ComplaintRouteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async complaintRoute(): Promise<{ queueId: string | null; categoryId: string | null }> {
    const rows: { queueId: string | null; categoryId: string | null }[] = await this.dataSource.query(
      `SELECT (SELECT id FROM queues WHERE slug = 'complaints') AS "queueId",
              (SELECT id FROM categories WHERE slug = 'complaint-return') AS "categoryId"`,
    );
    return rows[0] ?? { queueId: null, categoryId: null };
  }
}
