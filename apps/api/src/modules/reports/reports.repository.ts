import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ReportParams } from './report-params.js';
import { durationStatsSql } from './duration-stats-sql.js';
import { reportRows } from './report-rows.js';
import { bucketKey, bucketSql, filteredTicketJoinSql, inRangeSql, SqlParams, ticketFiltersSql } from './report-sql.js';

const OPEN_STATUSES = `('new', 'open', 'waiting_customer', 'waiting_third_party')`;
const DONE_STATUSES = `('resolved', 'closed')`;

export interface KeyedCount { key: string; count: number }
export interface NamedRow { id: string | null; name: string | null }
export interface DurationRow { key: string | null; count: number; mean: number | null; median: number | null; p90: number | null; max: number | null }
export interface SlaPolicyRow {
  policyId: string; tickets: number;
  firstResponseMet: number; firstResponseMissed: number; resolutionMet: number; resolutionMissed: number;
}
export interface AtRiskRow { policyId: string | null; firstResponse: number; nextResponse: number; resolution: number; tickets: number }
export interface BreachRow { policyId: string | null; target: string; count: number }
export interface CommentRow { ticketNumber: string; kind: 'csat' | 'nps'; score: number; comment: string; answeredAt: Date }

/**
 * Every query of the reports: read-only aggregates over tickets, events,
 * messages, inbound mails and surveys, each within the report's range and
 * narrowed by its ticket filters, grouped in the database (a year of data is
 * never loaded into memory). Times are epoch seconds.
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private rows<T>(text: string, sql: SqlParams): Promise<T[]> {
    return reportRows<T>(this.dataSource, text, sql);
  }

  /** Rows grouped by bucket number, with the bucket's key instead. */
  private async keyed<T extends { key: string }>(text: string, sql: SqlParams, p: ReportParams): Promise<T[]> {
    const rows = await this.rows<Omit<T, 'key'> & { bucket: number }>(text, sql);
    return rows.map(({ bucket, ...row }) => ({ ...row, key: bucketKey(bucket, p) }) as unknown as T);
  }

  /** Tickets per bucket of one of their timestamps (created, resolved, closed). */
  countTicketsBy(column: 'created_at' | 'resolved_at' | 'closed_at', p: ReportParams): Promise<KeyedCount[]> {
    const sql = new SqlParams();
    return this.keyed<KeyedCount>(
      `SELECT ${bucketSql(`t.${column}`, p, sql)} AS bucket, count(*)::int AS count
         FROM tickets t WHERE ${inRangeSql(`t.${column}`, p, sql)}${ticketFiltersSql(p.filters, sql)} GROUP BY 1`,
      sql, p,
    );
  }

  /** Reopenings per bucket: a status change from resolved or closed back to an open status. */
  reopenedBy(p: ReportParams): Promise<KeyedCount[]> {
    const sql = new SqlParams();
    return this.keyed<KeyedCount>(
      `SELECT ${bucketSql('e.created_at', p, sql)} AS bucket, count(*)::int AS count
         FROM ticket_events e${filteredTicketJoinSql('e.ticket_id', p.filters, sql)}
        WHERE e.type = 'field_changed' AND e.field = 'status' AND ${inRangeSql('e.created_at', p, sql)}
          AND e.old_value #>> '{}' IN ${DONE_STATUSES} AND e.new_value #>> '{}' IN ${OPEN_STATUSES}
        GROUP BY 1`,
      sql, p,
    );
  }

  /**
   * Tickets not resolved (or closed) at `at`, by their current resolution
   * time: created before it and still open now, or resolved at or after it.
   * Read from the present backwards, so a recent `at` costs little.
   */
  async backlogAt(at: Date, p: ReportParams): Promise<number> {
    const sql = new SqlParams();
    const atParam = sql.add(at);
    const filters = ticketFiltersSql(p.filters, sql);
    const rows = await this.rows<{ n: number }>(
      `SELECT (SELECT count(*) FROM tickets t WHERE t.status IN ${OPEN_STATUSES} AND t.created_at < ${atParam}${filters})
            + (SELECT count(*) FROM tickets t WHERE t.resolved_at >= ${atParam} AND t.created_at < ${atParam}${filters}) AS n`,
      sql,
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Inbound mails per bucket and inbound address (a mail that reached two of our addresses counts for each). */
  inboundMailsBy(p: ReportParams): Promise<{ key: string; addressId: string; count: number }[]> {
    const sql = new SqlParams();
    // Counted per bucket and list of recipients first (few distinct lists), then spread over the addresses.
    return this.keyed<{ key: string; addressId: string; count: number }>(
      `WITH g AS (
         SELECT ${bucketSql('m.received_at', p, sql)} AS bucket, m.envelope_to, count(*) AS n
           FROM inbound_mails m${filteredTicketJoinSql('m.ticket_id', p.filters, sql)}
          WHERE ${inRangeSql('m.received_at', p, sql)}
          GROUP BY 1, 2)
       SELECT g.bucket, a.id AS "addressId", sum(g.n)::int AS count
         FROM g CROSS JOIN LATERAL (SELECT DISTINCT lower(r) AS address FROM unnest(g.envelope_to) r) rcpt
         JOIN inbound_addresses a ON lower(a.address) = rcpt.address
        GROUP BY 1, 2`,
      sql, p,
    );
  }

  inboundAddresses(): Promise<{ id: string; address: string; name: string | null }[]> {
    return this.dataSource.query(`SELECT id, address, name FROM inbound_addresses ORDER BY lower(address)`);
  }

  /**
   * Durations in seconds from creation to `at` (first response or
   * resolution) of the tickets whose `at` falls in the range, per bucket and
   * overall (key null): in calendar time, and in the business time stored on
   * the ticket (tickets without it are left out of those figures). The
   * percentiles are `percentile_cont`'s, found without sorting the whole
   * range's values (see `durationStatsSql`).
   */
  async durations(at: 'first_response_at' | 'resolved_at', p: ReportParams): Promise<{ calendar: DurationRow[]; business: DurationRow[] }> {
    const sql = new SqlParams();
    const business = at === 'first_response_at' ? 'first_response_business_seconds' : 'resolution_business_seconds';
    type Row = { bucket: number | null; c_count: number; c_mean: number | null; c_pct: number[] | null; c_max: number | null }
      & { b_count: number; b_mean: number | null; b_pct: number[] | null; b_max: number | null };
    const rows = await this.rows<Row>(durationStatsSql(at, business, p, sql), sql);
    const of = (r: Row, c: 'c' | 'b'): DurationRow => ({
      key: r.bucket === null ? null : bucketKey(r.bucket, p),
      count: r[`${c}_count`], mean: r[`${c}_mean`], median: r[`${c}_pct`]?.[0] ?? null, p90: r[`${c}_pct`]?.[1] ?? null, max: r[`${c}_max`],
    });
    return { calendar: rows.map((r) => of(r, 'c')), business: rows.map((r) => of(r, 'b')) };
  }

  /** Per SLA policy, of the tickets created in the range: first response and resolution met or missed. */
  slaCompliance(p: ReportParams): Promise<SlaPolicyRow[]> {
    const sql = new SqlParams();
    return this.rows<SlaPolicyRow>(
      `SELECT t.sla_policy_id AS "policyId", count(*)::int AS tickets,
              count(*) FILTER (WHERE t.first_response_due_at IS NOT NULL AND t.first_response_breached_at IS NULL
                                 AND t.first_response_at <= t.first_response_due_at)::int AS "firstResponseMet",
              count(*) FILTER (WHERE t.first_response_breached_at IS NOT NULL OR t.first_response_at > t.first_response_due_at)::int AS "firstResponseMissed",
              count(*) FILTER (WHERE t.resolution_due_at IS NOT NULL AND t.resolution_breached_at IS NULL
                                 AND t.resolved_at <= t.resolution_due_at)::int AS "resolutionMet",
              count(*) FILTER (WHERE t.resolution_breached_at IS NOT NULL OR t.resolved_at > t.resolution_due_at)::int AS "resolutionMissed"
         FROM tickets t
        WHERE ${inRangeSql('t.created_at', p, sql)} AND t.sla_policy_id IS NOT NULL${ticketFiltersSql(p.filters, sql)}
        GROUP BY 1`,
      sql,
    );
  }

  /**
   * Breaches in the range, per policy and target: the tickets whose first
   * response, (latest) next response or resolution deadline the sweep recorded
   * as breached in the range.
   */
  slaBreaches(p: ReportParams): Promise<BreachRow[]> {
    const sql = new SqlParams();
    const part = (target: string, column: string) =>
      `SELECT t.sla_policy_id::text AS "policyId", '${target}' AS target, count(*)::int AS count FROM tickets t
        WHERE ${inRangeSql(`t.${column}`, p, sql)}${ticketFiltersSql(p.filters, sql)} GROUP BY 1`;
    return this.rows<BreachRow>(
      [part('firstResponse', 'first_response_breached_at'), part('nextResponse', 'next_response_breached_at'), part('resolution', 'resolution_breached_at')]
        .join(' UNION ALL '),
      sql,
    );
  }

  /** Unresolved tickets now past a warning and not breached, per policy and target. */
  slaAtRisk(p: ReportParams): Promise<AtRiskRow[]> {
    const sql = new SqlParams();
    const first = `t.first_response_at IS NULL AND t.first_response_warned_at IS NOT NULL AND t.first_response_breached_at IS NULL`;
    const next = `t.next_response_started_at IS NOT NULL AND t.next_response_warned_at IS NOT NULL AND t.next_response_breached_at IS NULL`;
    const resolution = `t.resolution_warned_at IS NOT NULL AND t.resolution_breached_at IS NULL`;
    return this.rows<AtRiskRow>(
      `SELECT t.sla_policy_id AS "policyId",
              count(*) FILTER (WHERE ${first})::int AS "firstResponse",
              count(*) FILTER (WHERE ${next})::int AS "nextResponse",
              count(*) FILTER (WHERE ${resolution})::int AS resolution,
              count(*)::int AS tickets
         FROM tickets t
        WHERE t.status IN ${OPEN_STATUSES} AND t.sla_paused_since IS NULL AND ((${first}) OR (${next}) OR (${resolution}))${ticketFiltersSql(p.filters, sql)}
        GROUP BY 1`,
      sql,
    );
  }

  /** Complaints whose statutory deadline falls in the range: met (resolved by it), missed, or still running. */
  async statutory(p: ReportParams): Promise<{ total: number; met: number; missed: number; pending: number }> {
    const sql = new SqlParams();
    const rows = await this.rows<{ total: number; met: number; missed: number; pending: number }>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE t.statutory_breached_at IS NULL AND t.resolved_at <= t.statutory_due_at)::int AS met,
              count(*) FILTER (WHERE t.statutory_breached_at IS NOT NULL OR t.resolved_at > t.statutory_due_at)::int AS missed,
              count(*) FILTER (WHERE t.statutory_breached_at IS NULL AND t.resolved_at IS NULL)::int AS pending
         FROM tickets t
        WHERE t.statutory_due_at IS NOT NULL AND ${inRangeSql('t.statutory_due_at', p, sql)}${ticketFiltersSql(p.filters, sql)}`,
      sql,
    );
    return rows[0]!;
  }

  slaPolicies(): Promise<NamedRow[]> {
    return this.dataSource.query(`SELECT id, name FROM sla_policies ORDER BY position, id`);
  }

  /** Unresolved tickets now, per assignee or per queue. */
  openTicketsBy(column: 'assignee_id' | 'queue_id', p: ReportParams): Promise<{ id: string | null; count: number }[]> {
    const sql = new SqlParams();
    return this.rows(
      `SELECT t.${column} AS id, count(*)::int AS count FROM tickets t
        WHERE t.status IN ${OPEN_STATUSES}${ticketFiltersSql(p.filters, sql)} GROUP BY 1`,
      sql,
    );
  }

  /** Tickets resolved in the range, per (current) assignee. */
  resolvedByAssignee(p: ReportParams): Promise<{ id: string | null; count: number }[]> {
    const sql = new SqlParams();
    return this.rows(
      `SELECT t.assignee_id AS id, count(*)::int AS count FROM tickets t
        WHERE ${inRangeSql('t.resolved_at', p, sql)}${ticketFiltersSql(p.filters, sql)} GROUP BY 1`,
      sql,
    );
  }

  /** Public replies written by agents in the range (not automatic ones, not forwards or notifications), per author. */
  repliesByAgent(p: ReportParams): Promise<{ id: string; count: number }[]> {
    const sql = new SqlParams();
    return this.rows(
      `SELECT m.author_user_id AS id, count(*)::int AS count
         FROM messages m${filteredTicketJoinSql('m.ticket_id', p.filters, sql)}
        WHERE m.direction = 'outbound' AND m.author_user_id IS NOT NULL AND NOT m.automated AND m.purpose = 'conversation'
          AND ${inRangeSql('m.created_at', p, sql)}
        GROUP BY 1`,
      sql,
    );
  }

  users(): Promise<(NamedRow & { email: string; role: string; active: boolean })[]> {
    return this.dataSource.query(`SELECT id, name, email, role, active FROM users ORDER BY lower(name), id`);
  }

  queues(): Promise<NamedRow[]> {
    return this.dataSource.query(`SELECT id, name FROM queues ORDER BY lower(name), id`);
  }

  categories(): Promise<(NamedRow & { slug: string })[]> {
    return this.dataSource.query(`SELECT id, name, slug FROM categories ORDER BY lower(name), id`);
  }

  /** Tickets created in the range. */
  async createdCount(p: ReportParams): Promise<number> {
    const sql = new SqlParams();
    const rows = await this.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM tickets t WHERE ${inRangeSql('t.created_at', p, sql)}${ticketFiltersSql(p.filters, sql)}`,
      sql,
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Tickets created in the range per category (null: none), per tag, and per
   * tag within each category (no tag: null), in one pass over the covering
   * index: a ticket with several tags is one row per tag, counted once per
   * category through its first tag (or its lack of tags).
   */
  createdByCategoryAndTag(p: ReportParams): Promise<{ grouping: 'category' | 'tag' | 'category_tag'; categoryId: string | null; tag: string | null; count: number }[]> {
    const sql = new SqlParams();
    return this.rows(
      `SELECT CASE GROUPING(t.category_id, x.tag) WHEN 1 THEN 'category' WHEN 2 THEN 'tag' ELSE 'category_tag' END AS grouping,
              t.category_id AS "categoryId", x.tag,
              (CASE GROUPING(t.category_id, x.tag) WHEN 2 THEN count(x.tag) WHEN 1 THEN count(*) FILTER (WHERE x.n IS NULL OR x.n = 1)
                    ELSE count(*) END)::int AS count
         FROM tickets t LEFT JOIN LATERAL unnest(t.tags) WITH ORDINALITY AS x(tag, n) ON true
        WHERE ${inRangeSql('t.created_at', p, sql)}${ticketFiltersSql(p.filters, sql)}
        GROUP BY GROUPING SETS ((t.category_id), (x.tag), (t.category_id, x.tag))`,
      sql,
    );
  }

  /**
   * What rules did in the range: tickets they answered (an automatic outbound
   * reply), tickets they routed (set the queue or category), and per rule the
   * tickets it acted on, its firings and skipped actions. One pass over the
   * rules' events: grouped per rule and ticket first, so no distinct counts.
   */
  async automation(p: ReportParams): Promise<{
    answered: number; routed: number; touched: number;
    rules: { ruleId: string; ruleName: string | null; tickets: number; firings: number; skipped: number }[];
  }> {
    const sql = new SqlParams();
    const rows = await this.rows<{ ruleId: string | null; ruleName: string | null; tickets: number; firings: number; skipped: number; answered: number; routed: number }>(
      `WITH per_ticket AS (
         SELECT e.actor_id, e.ticket_id, max(e.actor_name) AS actor_name,
                bool_or(e.type <> 'rule_action_skipped') AS acted,
                count(*) FILTER (WHERE e.type = 'rule_applied') AS firings,
                count(*) FILTER (WHERE e.type = 'rule_action_skipped') AS skipped,
                bool_or(e.type = 'message_added' AND e.new_value ->> 'direction' = 'outbound') AS answered,
                bool_or(e.type = 'field_changed' AND e.field IN ('queueId', 'categoryId')) AS routed
           FROM ticket_events e${filteredTicketJoinSql('e.ticket_id', p.filters, sql)}
          WHERE e.actor_type = 'rule' AND ${inRangeSql('e.created_at', p, sql)}
          GROUP BY 1, 2),
       per_rule AS (
         SELECT actor_id AS "ruleId", max(actor_name) AS "ruleName", count(*) FILTER (WHERE acted)::int AS tickets,
                sum(firings)::int AS firings, sum(skipped)::int AS skipped, NULL::int AS answered, NULL::int AS routed
           FROM per_ticket GROUP BY 1),
       totals AS (
         SELECT NULL::text AS "ruleId", NULL::text AS "ruleName", count(*) FILTER (WHERE acted)::int AS tickets, 0 AS firings, 0 AS skipped,
                count(*) FILTER (WHERE answered)::int AS answered, count(*) FILTER (WHERE routed)::int AS routed
           FROM (SELECT ticket_id, bool_or(acted) AS acted, bool_or(answered) AS answered, bool_or(routed) AS routed FROM per_ticket GROUP BY 1) t)
       SELECT * FROM per_rule UNION ALL SELECT * FROM totals`,
      sql,
    );
    const totals = rows.find((r) => r.ruleId === null)!;
    return {
      answered: totals.answered, routed: totals.routed, touched: totals.tickets,
      rules: rows.filter((r) => r.ruleId !== null).map((r) => ({ ruleId: r.ruleId!, ruleName: r.ruleName, tickets: r.tickets, firings: r.firings, skipped: r.skipped })),
    };
  }

  rules(): Promise<NamedRow[]> {
    return this.dataSource.query(`SELECT id, name FROM rules ORDER BY position, id`);
  }

  /** Answers given in the range per survey kind and score. */
  surveyScores(p: ReportParams): Promise<{ kind: 'csat' | 'nps'; score: number; count: number }[]> {
    const sql = new SqlParams();
    return this.rows(
      `SELECT s.kind, s.score::int AS score, count(*)::int AS count
         FROM surveys s${filteredTicketJoinSql('s.ticket_id', p.filters, sql)}
        WHERE s.answered_at IS NOT NULL AND ${inRangeSql('s.answered_at', p, sql)}
        GROUP BY 1, 2`,
      sql,
    );
  }

  /** Surveys sent in the range and how many of them have been answered. */
  async surveysSent(p: ReportParams): Promise<{ sent: number; answered: number }> {
    const sql = new SqlParams();
    const rows = await this.rows<{ sent: number; answered: number }>(
      `SELECT count(*)::int AS sent, count(s.answered_at)::int AS answered
         FROM surveys s${filteredTicketJoinSql('s.ticket_id', p.filters, sql)}
        WHERE ${inRangeSql('s.sent_at', p, sql)}`,
      sql,
    );
    return rows[0]!;
  }

  /** The latest answers with a comment in the range, newest first. */
  surveyComments(p: ReportParams, limit: number): Promise<CommentRow[]> {
    const sql = new SqlParams();
    return this.rows<CommentRow>(
      `SELECT t.number AS "ticketNumber", s.kind, s.score::int AS score, s.comment, s.answered_at AS "answeredAt"
         FROM surveys s JOIN tickets t ON t.id = s.ticket_id${ticketFiltersSql(p.filters, sql)}
        WHERE s.answered_at IS NOT NULL AND ${inRangeSql('s.answered_at', p, sql)} AND btrim(coalesce(s.comment, '')) <> ''
        ORDER BY s.answered_at DESC, s.id DESC LIMIT ${sql.add(limit)}`,
      sql,
    );
  }
}
