import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  active: boolean;
  includeNotes: boolean;
  secretEnc: string;
  previousSecretEnc: string | null;
  previousSecretUntil: Date | null;
  failingSince: Date | null;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DeliveryRow {
  id: string;
  webhookId: string;
  messageId: string;
  event: string;
  payload: Record<string, unknown>;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

export interface AttemptRow {
  id: string;
  deliveryId: string;
  attemptedAt: Date;
  status: number | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number;
}

export interface NewDelivery {
  webhookId: string;
  messageId: string;
  event: string;
  payload: Record<string, unknown>;
}

const WEBHOOK_COLUMNS = `id, url, events, description, active, include_notes AS "includeNotes", secret_enc AS "secretEnc",
  previous_secret_enc AS "previousSecretEnc", previous_secret_until AS "previousSecretUntil", failing_since AS "failingSince",
  disabled_at AS "disabledAt", disabled_reason AS "disabledReason", created_at AS "createdAt", updated_at AS "updatedAt"`;

const DELIVERY_COLUMNS = `id, webhook_id AS "webhookId", message_id AS "messageId", event, payload, state, attempts,
  next_attempt_at AS "nextAttemptAt", last_status AS "lastStatus", last_error AS "lastError", created_at AS "createdAt",
  delivered_at AS "deliveredAt"`;

const UPDATABLE: Record<string, string> = {
  url: 'url', events: 'events', description: 'description', active: 'active', includeNotes: 'include_notes',
  secretEnc: 'secret_enc', previousSecretEnc: 'previous_secret_enc', previousSecretUntil: 'previous_secret_until',
  failingSince: 'failing_since', disabledAt: 'disabled_at', disabledReason: 'disabled_reason',
};

/** Webhooks, their deliveries and attempts: the only SQL of the module. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(row: Pick<WebhookRow, 'url' | 'events' | 'description' | 'active' | 'includeNotes' | 'secretEnc'>): Promise<WebhookRow> {
    const [created] = (await this.dataSource.query(
      `INSERT INTO webhooks (url, events, description, active, include_notes, secret_enc) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${WEBHOOK_COLUMNS}`,
      [row.url, row.events, row.description, row.active, row.includeNotes, row.secretEnc],
    )) as WebhookRow[];
    return created!;
  }

  async find(id: string, manager?: EntityManager): Promise<WebhookRow | null> {
    const rows = (await (manager ?? this.dataSource).query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks WHERE id = $1`, [id])) as WebhookRow[];
    return rows[0] ?? null;
  }

  async list(limit: number, offset: number): Promise<[WebhookRow[], number]> {
    const rows = (await this.dataSource.query(`SELECT ${WEBHOOK_COLUMNS} FROM webhooks ORDER BY created_at, id LIMIT $1 OFFSET $2`, [limit, offset])) as WebhookRow[];
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM webhooks`)) as [{ total: number }];
    return [rows, total];
  }

  async update(id: string, patch: Partial<WebhookRow>, manager?: EntityManager): Promise<WebhookRow | null> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [key, value] of Object.entries(patch)) {
      const column = UPDATABLE[key];
      if (!column || value === undefined) continue;
      values.push(value);
      sets.push(`${column} = $${values.length}`);
    }
    if (!sets.length) return this.find(id, manager);
    const rows = (await (manager ?? this.dataSource).query(
      `UPDATE webhooks SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 RETURNING ${WEBHOOK_COLUMNS}`,
      values,
    )) as [WebhookRow[], number];
    return rows[0][0] ?? null;
  }

  async delete(id: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(`DELETE FROM webhooks WHERE id = $1`, [id])) as [unknown, number];
    return count > 0;
  }

  /** Active endpoints subscribed to the event (notes only to those asking for them). */
  async subscribers(manager: EntityManager, event: string, note: boolean): Promise<{ id: string }[]> {
    return (await manager.query(
      `SELECT id FROM webhooks WHERE active AND disabled_at IS NULL AND $1 = ANY (events) AND (include_notes OR NOT $2)`,
      [event, note],
    )) as { id: string }[];
  }

  /** The endpoint of rules' calls to a URL (no subscribed events), created with the given secret when there is none. */
  async ruleEndpoint(manager: EntityManager, url: string, description: string, secretEnc: () => Promise<string>): Promise<string> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`webhook-rule-endpoint:${url}`]);
    const found = (await manager.query(`SELECT id FROM webhooks WHERE url = $1 AND cardinality(events) = 0 ORDER BY created_at LIMIT 1`, [url])) as { id: string }[];
    if (found[0]) return found[0].id;
    const [created] = (await manager.query(
      `INSERT INTO webhooks (url, events, description, secret_enc) VALUES ($1, '{}', $2, $3) RETURNING id`,
      [url, description, await secretEnc()],
    )) as { id: string }[];
    return created!.id;
  }

  /** Whether any endpoint is active (a cheap check before building payloads). */
  async anyActive(manager: EntityManager): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM webhooks WHERE active AND disabled_at IS NULL LIMIT 1`)) as unknown[];
    return rows.length > 0;
  }

  /** Stores deliveries due now, or (`claimMs`) claimed by the caller for that long (it sends them itself). */
  async insertDeliveries(manager: EntityManager | null, deliveries: NewDelivery[], claimMs = 0): Promise<DeliveryRow[]> {
    if (!deliveries.length) return [];
    return (await (manager ?? this.dataSource).query(
      `INSERT INTO webhook_event_deliveries (webhook_id, message_id, event, payload, next_attempt_at)
       SELECT d.webhook_id, d.message_id, d.event, d.payload, now() + ($2::int * interval '1 millisecond')
         FROM jsonb_to_recordset($1::jsonb) AS d (webhook_id uuid, message_id text, event text, payload jsonb)
       RETURNING ${DELIVERY_COLUMNS}`,
      [JSON.stringify(deliveries.map((d) => ({ webhook_id: d.webhookId, message_id: d.messageId, event: d.event, payload: d.payload }))), claimMs],
    )) as DeliveryRow[];
  }

  /**
   * Claims due deliveries: their next attempt is pushed `leaseMs` ahead (so
   * another worker does not take them meanwhile), rows locked by others skipped.
   */
  async claimDue(limit: number, leaseMs: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `UPDATE webhook_event_deliveries SET next_attempt_at = now() + ($2::int * interval '1 millisecond')
        WHERE id IN (SELECT id FROM webhook_event_deliveries
                      WHERE state = 'pending' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id`,
      [limit, leaseMs],
    )) as [{ id: string }[], number];
    return rows[0].map((r) => r.id);
  }

  async findDelivery(id: string): Promise<DeliveryRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_event_deliveries WHERE id = $1`, [id])) as DeliveryRow[];
    return rows[0] ?? null;
  }

  async deliveriesOf(webhookId: string, limit: number, offset: number): Promise<[DeliveryRow[], number]> {
    const rows = (await this.dataSource.query(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_event_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      [webhookId, limit, offset],
    )) as DeliveryRow[];
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM webhook_event_deliveries WHERE webhook_id = $1`, [webhookId])) as [
      { total: number },
    ];
    return [rows, total];
  }

  async attemptsOf(deliveryIds: string[]): Promise<AttemptRow[]> {
    if (!deliveryIds.length) return [];
    return (await this.dataSource.query(
      `SELECT id, delivery_id AS "deliveryId", attempted_at AS "attemptedAt", status, response_excerpt AS "responseExcerpt", error, duration_ms AS "durationMs"
         FROM webhook_attempts WHERE delivery_id = ANY ($1::uuid[]) ORDER BY attempted_at, id`,
      [deliveryIds],
    )) as AttemptRow[];
  }

  /** Records an attempt and the delivery's new state in one transaction. */
  async recordAttempt(
    attempt: Omit<AttemptRow, 'id' | 'attemptedAt'> & { attemptedAt: Date },
    delivery: Pick<DeliveryRow, 'state' | 'nextAttemptAt' | 'lastStatus' | 'lastError' | 'deliveredAt'>,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_attempts (delivery_id, attempted_at, status, response_excerpt, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)`,
        [attempt.deliveryId, attempt.attemptedAt, attempt.status, attempt.responseExcerpt, attempt.error, attempt.durationMs],
      );
      await manager.query(
        `UPDATE webhook_event_deliveries SET state = $2, attempts = attempts + 1, next_attempt_at = $3, last_status = $4, last_error = $5, delivered_at = $6 WHERE id = $1`,
        [attempt.deliveryId, delivery.state, delivery.nextAttemptAt, delivery.lastStatus, delivery.lastError, delivery.deliveredAt],
      );
    });
  }

  async failDelivery(id: string, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE webhook_event_deliveries SET state = 'failed', next_attempt_at = NULL, last_error = $2 WHERE id = $1`, [id, reason]);
  }

  /** Queues a delivery again (same `webhook-id`), claimed by the caller for `claimMs` (it sends it itself). */
  async requeue(id: string, claimMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_event_deliveries SET state = 'pending', next_attempt_at = now() + ($2::int * interval '1 millisecond'), delivered_at = NULL WHERE id = $1`,
      [id, claimMs],
    );
  }

  /**
   * Disables an endpoint for failing unless it is disabled already, and runs
   * `then` in the same transaction when this call disabled it (so only one
   * worker tells of it). Answers whether it did.
   */
  async disableForFailing(id: string, at: Date, reason: string, then: (manager: EntityManager) => Promise<unknown>): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `UPDATE webhooks SET disabled_at = $2, disabled_reason = $3, updated_at = now() WHERE id = $1 AND disabled_at IS NULL RETURNING id`,
        [id, at, reason],
      )) as [unknown[], number];
      if (!rows[0].length) return false;
      await then(manager);
      return true;
    });
  }
}
