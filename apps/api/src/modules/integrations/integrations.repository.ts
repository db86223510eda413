import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OrderProvider } from '@okienko/domain';
import type { DataSource } from 'typeorm';
import type { IntegrationRow, PinnedOrderRow } from './integration.js';

const COLUMNS = `id, type, name, settings, secrets, queue_ids AS "queueIds", active, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The only queries of `integrations` and `ticket_orders`. */
@Injectable()
export class IntegrationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(limit: number, offset: number): Promise<[IntegrationRow[], number]> {
    const rows: IntegrationRow[] = await this.db.query(`SELECT ${COLUMNS} FROM integrations ORDER BY created_at, id LIMIT $1 OFFSET $2`, [limit, offset]);
    const [{ count }] = (await this.db.query(`SELECT count(*)::int AS count FROM integrations`)) as [{ count: number }];
    return [rows, count];
  }

  async findById(id: string): Promise<IntegrationRow | null> {
    const [row] = (await this.db.query(`SELECT ${COLUMNS} FROM integrations WHERE id = $1`, [id])) as IntegrationRow[];
    return row ?? null;
  }

  /** Active integrations serving a ticket of this queue (those without queues serve every queue). */
  serving(queueId: string | null): Promise<IntegrationRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM integrations WHERE active AND (cardinality(queue_ids) = 0 OR $1::uuid = ANY(queue_ids)) ORDER BY created_at, id`,
      [queueId],
    );
  }

  /** Active integrations serving any of these queues (null: every active integration). */
  servingAny(queueIds: string[] | null): Promise<IntegrationRow[]> {
    if (queueIds === null) return this.db.query(`SELECT ${COLUMNS} FROM integrations WHERE active ORDER BY created_at, id`);
    return this.db.query(
      `SELECT ${COLUMNS} FROM integrations WHERE active AND (cardinality(queue_ids) = 0 OR queue_ids && $1::uuid[]) ORDER BY created_at, id`,
      [queueIds],
    );
  }

  async insert(row: { type: OrderProvider; name: string; settings: Record<string, string>; secrets: string; queueIds: string[]; active: boolean }): Promise<IntegrationRow> {
    const [created] = (await this.db.query(
      `INSERT INTO integrations (type, name, settings, secrets, queue_ids, active) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [row.type, row.name, JSON.stringify(row.settings), row.secrets, row.queueIds, row.active],
    )) as IntegrationRow[];
    return created;
  }

  async update(row: IntegrationRow): Promise<IntegrationRow> {
    const [[updated]] = (await this.db.query(
      `UPDATE integrations SET name = $2, settings = $3, secrets = $4, queue_ids = $5, active = $6, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
      [row.id, row.name, JSON.stringify(row.settings), row.secrets, row.queueIds, row.active],
    )) as [IntegrationRow[], number];
    return updated;
  }

  async delete(id: string): Promise<boolean> {
    const [, count] = (await this.db.query(`DELETE FROM integrations WHERE id = $1`, [id])) as [unknown, number];
    return count > 0;
  }

  async pinned(ticketId: string): Promise<PinnedOrderRow | null> {
    const [row] = (await this.db.query(
      `SELECT ticket_id AS "ticketId", integration_id AS "integrationId", external_id AS "externalId", snapshot, pinned_by AS "pinnedBy", pinned_at AS "pinnedAt"
       FROM ticket_orders WHERE ticket_id = $1`,
      [ticketId],
    )) as PinnedOrderRow[];
    return row ?? null;
  }

  async pin(ticketId: string, integrationId: string, externalId: string, snapshot: unknown, pinnedBy: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO ticket_orders (ticket_id, integration_id, external_id, snapshot, pinned_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (ticket_id) DO UPDATE SET integration_id = EXCLUDED.integration_id, external_id = EXCLUDED.external_id,
         snapshot = EXCLUDED.snapshot, pinned_by = EXCLUDED.pinned_by, pinned_at = now()`,
      [ticketId, integrationId, externalId, JSON.stringify(snapshot), pinnedBy],
    );
  }
}
