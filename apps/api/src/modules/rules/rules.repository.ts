import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RuleTrigger } from '@okienko/routing';
import type { DataSource, EntityManager, FindOptionsWhere, QueryDeepPartialEntity } from 'typeorm';
import { CustomerEntity } from '../customers/entities/customer.entity.js';
import { MessageEntity } from '../tickets/entities/message.entity.js';
import { TicketEntity } from '../tickets/entities/ticket.entity.js';
import { NEAREST_DUE_SQL } from '../tickets/ticket-sla-sql.js';
import { RuleEntity } from './entities/rule.entity.js';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity.js';

/** Tables a rule may point at (actions name queues, categories, users and templates by id). */
export type ReferencedTable = 'queues' | 'categories' | 'users' | 'templates';

export interface RuleListFilter {
  trigger?: RuleTrigger;
  enabled?: boolean;
}

export interface RecipientUser {
  id: string;
  name: string;
  email: string;
}

@Injectable()
export class RulesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  list(filter: RuleListFilter): Promise<RuleEntity[]> {
    const where: FindOptionsWhere<RuleEntity> = {};
    if (filter.trigger !== undefined) where.trigger = filter.trigger;
    if (filter.enabled !== undefined) where.enabled = filter.enabled;
    return this.dataSource.manager.find(RuleEntity, { where, order: { trigger: 'ASC', position: 'ASC', id: 'ASC' } });
  }

  enabledRules(): Promise<RuleEntity[]> {
    return this.dataSource.manager.find(RuleEntity, { where: { enabled: true }, order: { position: 'ASC', id: 'ASC' } });
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<RuleEntity | null> {
    return manager.findOneBy(RuleEntity, { id });
  }

  insert(rule: Partial<RuleEntity>): Promise<RuleEntity> {
    return this.dataSource.manager.save(this.dataSource.manager.create(RuleEntity, rule));
  }

  async update(id: string, patch: Partial<RuleEntity>): Promise<void> {
    await this.dataSource.manager.update(RuleEntity, { id }, { ...patch, updatedAt: new Date() });
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(RuleEntity, { id });
    return (result.affected ?? 0) > 0;
  }

  /** After the last rule of the trigger (positions step by 10, leaving room in between). */
  async nextPosition(trigger: RuleTrigger): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT coalesce(max(position), 0) + 10 AS next FROM rules WHERE trigger = $1`, [trigger])) as {
      next: number;
    }[];
    return Number(rows[0].next);
  }

  /** The given rules, in this order, get positions 10, 20, 30… in one statement. */
  async setPositions(ids: readonly string[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE rules SET position = o.n * 10, updated_at = now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, n) WHERE rules.id = o.id`,
      [ids],
    );
  }

  /** Which of these ids exist in the table. */
  async existingIds(table: ReferencedTable, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const active = table === 'users' ? ' AND active' : '';
    const rows = (await this.dataSource.query(`SELECT id::text FROM ${table} WHERE id = ANY($1::uuid[])${active}`, [ids])) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }

  /** Names of queues, categories and users, for explanations people can read. */
  async labels(table: Exclude<ReferencedTable, 'templates'>, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.dataSource.query(`SELECT id::text, name FROM ${table} WHERE id = ANY($1::uuid[])`, [ids])) as {
      id: string;
      name: string;
    }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  ticket(manager: EntityManager, id: string): Promise<TicketEntity | null> {
    return manager.findOneBy(TicketEntity, { id });
  }

  /** The ticket, locked for the rest of the transaction (a sweep and a reply never change it at once). */
  lockedTicket(manager: EntityManager, id: string): Promise<TicketEntity | null> {
    return manager.findOne(TicketEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  message(manager: EntityManager, id: string): Promise<MessageEntity | null> {
    return manager.findOneBy(MessageEntity, { id });
  }

  /** Whether the ticket's latest inbound mail came from a sender whose domain failed DMARC (a possibly forged sender). */
  async latestSenderFailedDmarc(manager: EntityManager, ticketId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT authentication->>'verdict' AS verdict FROM messages WHERE ticket_id = $1 AND direction = 'inbound' ORDER BY created_at DESC LIMIT 1`,
      [ticketId],
    )) as { verdict: string | null }[];
    return rows[0]?.verdict === 'fail';
  }

  customer(manager: EntityManager, id: string): Promise<CustomerEntity | null> {
    return manager.findOneBy(CustomerEntity, { id });
  }

  async templateTitle(id: string): Promise<string | null> {
    const rows = (await this.dataSource.query(`SELECT title FROM templates WHERE id = $1`, [id])) as { title: string }[];
    return rows[0]?.title ?? null;
  }

  /** Ids of the most recent tickets (for dry runs). */
  async recentTicketIds(limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(`SELECT id FROM tickets ORDER BY created_at DESC, id DESC LIMIT $1`, [limit])) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The ticket's first message from the customer: what `ticket_created` rules look at. */
  async firstInboundMessageId(manager: EntityManager, ticketId: string): Promise<string | null> {
    const rows = (await manager.query(
      `SELECT id FROM messages WHERE ticket_id = $1 AND direction = 'inbound' ORDER BY created_at, id LIMIT 1`,
      [ticketId],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  async latestInboundMessageId(manager: EntityManager, ticketId: string): Promise<string | null> {
    const rows = (await manager.query(
      `SELECT id FROM messages WHERE ticket_id = $1 AND direction = 'inbound' ORDER BY created_at DESC, id DESC LIMIT 1`,
      [ticketId],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  async hasAttachments(manager: EntityManager, messageId: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT EXISTS (SELECT 1 FROM attachments WHERE message_id = $1) AS has`, [messageId])) as {
      has: boolean;
    }[];
    return rows[0].has;
  }

  /** Members of a queue who can take work (active, not absent). */
  async queueMembers(manager: EntityManager, queueId: string): Promise<RecipientUser[]> {
    return (await manager.query(
      `SELECT u.id, u.name, u.email FROM queue_members m JOIN users u ON u.id = m.user_id
        WHERE m.queue_id = $1 AND u.active AND NOT u.absent ORDER BY u.name, u.id`,
      [queueId],
    )) as RecipientUser[];
  }

  async queueLead(manager: EntityManager, queueId: string): Promise<RecipientUser | null> {
    const rows = (await manager.query(
      `SELECT u.id, u.name, u.email FROM queues q JOIN users u ON u.id = q.lead_id WHERE q.id = $1 AND u.active`,
      [queueId],
    )) as RecipientUser[];
    return rows[0] ?? null;
  }

  async activeUser(manager: EntityManager, userId: string): Promise<(RecipientUser & { absent: boolean }) | null> {
    const rows = (await manager.query(`SELECT id, name, email, absent FROM users WHERE id = $1 AND active`, [userId])) as (RecipientUser & {
      absent: boolean;
    })[];
    return rows[0] ?? null;
  }

  /**
   * Tickets a `time_in_status` rule is due for: in the status for at least
   * the rule's time, not fired for this stay in the status yet.
   */
  async ticketsDueInStatus(ruleId: string, status: string, enteredBefore: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT t.id FROM tickets t
        WHERE t.status = $2 AND t.status_changed_at <= $3
          AND NOT EXISTS (SELECT 1 FROM rule_firings f
                           WHERE f.rule_id = $1 AND f.ticket_id = t.id AND f.fire_key = to_char(t.status_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'))
        ORDER BY t.status_changed_at LIMIT $4`,
      [ruleId, status, enteredBefore, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Records that a time-based rule fired for the ticket's current stay in its status; false when it had already. */
  async recordFiring(manager: EntityManager, ruleId: string, ticketId: string): Promise<boolean> {
    const rows = (await manager.query(
      `WITH ins AS (
         INSERT INTO rule_firings (rule_id, ticket_id, fire_key)
         SELECT $1, t.id, to_char(t.status_changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') FROM tickets t WHERE t.id = $2
         ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [ruleId, ticketId],
    )) as { n: number }[];
    return rows[0].n === 1;
  }

  /**
   * Tickets an SLA rule is due for: their nearest running deadline (clocks not
   * paused) is at most `hours` ahead (`sla_before_deadline`) or at least
   * `hours` past (`sla_after_deadline`), and the rule has not fired for that
   * deadline yet (fire key `sla:<deadline>`).
   */
  async ticketsDueForSla(ruleId: string, trigger: 'sla_before_deadline' | 'sla_after_deadline', hours: number, now: Date, limit: number): Promise<string[]> {
    const window =
      trigger === 'sla_before_deadline'
        ? `d.due > $2::timestamptz AND d.due <= $2::timestamptz + make_interval(secs => $3::float8 * 3600)`
        : `d.due <= $2::timestamptz - make_interval(secs => $3::float8 * 3600)`;
    const rows = (await this.dataSource.query(
      `SELECT d.id FROM (
         SELECT t.id, ${NEAREST_DUE_SQL} AS due FROM tickets t
          WHERE t.status NOT IN ('resolved', 'closed') AND t.sla_paused_since IS NULL
            AND (t.sla_policy_id IS NOT NULL OR t.statutory_due_at IS NOT NULL)) d
        WHERE ${window}
          AND NOT EXISTS (SELECT 1 FROM rule_firings f
                           WHERE f.rule_id = $1 AND f.ticket_id = d.id
                             AND f.fire_key = 'sla:' || to_char(d.due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        ORDER BY d.due LIMIT $4`,
      [ruleId, now, hours, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Records that a rule fired for the ticket under this key; false when it had already. */
  async recordKeyedFiring(manager: EntityManager, ruleId: string, ticketId: string, fireKey: string): Promise<boolean> {
    const rows = (await manager.query(
      `WITH ins AS (INSERT INTO rule_firings (rule_id, ticket_id, fire_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM ins`,
      [ruleId, ticketId, fireKey],
    )) as { n: number }[];
    return rows[0].n === 1;
  }

  insertWebhookDelivery(manager: EntityManager, delivery: Pick<WebhookDeliveryEntity, 'ruleId' | 'ticketId' | 'url' | 'payload'>) {
    return manager.save(manager.create(WebhookDeliveryEntity, { ...delivery, state: 'queued', attempts: 0 }));
  }

  findWebhookDelivery(id: string): Promise<WebhookDeliveryEntity | null> {
    return this.dataSource.manager.findOneBy(WebhookDeliveryEntity, { id });
  }

  async updateWebhookDelivery(id: string, patch: Omit<Partial<WebhookDeliveryEntity>, 'payload'>): Promise<void> {
    await this.dataSource.manager.update(WebhookDeliveryEntity, { id }, patch as QueryDeepPartialEntity<WebhookDeliveryEntity>);
  }

  async pendingWebhookIds(limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM webhook_deliveries WHERE state = 'queued' AND created_at < now() - interval '30 seconds' ORDER BY created_at LIMIT $1`,
      [limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  webhookDeliveriesOf(ruleId: string, limit: number): Promise<WebhookDeliveryEntity[]> {
    return this.dataSource.manager.find(WebhookDeliveryEntity, { where: { ruleId }, order: { createdAt: 'DESC' }, take: limit });
  }
}
