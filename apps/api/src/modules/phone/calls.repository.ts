import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CallDirection } from './cti-event.js';

export type CallState = 'ringing' | 'answered' | 'missed' | 'ended';
export type CallerMatch = 'known' | 'possible' | 'unknown';

/** A call as stored. */
export interface CallRow {
  id: string;
  channelId: string | null;
  externalCallId: string | null;
  direction: CallDirection;
  fromNumber: string;
  toNumber: string;
  phone: string | null;
  customerId: string | null;
  match: CallerMatch;
  possibleCustomerIds: string[];
  state: CallState;
  agentUserId: string | null;
  answeringNumber: string | null;
  users: string[];
  queueName: string | null;
  cause: string | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  ticketId: string | null;
  manual: boolean;
  note: string | null;
  recordingUrl: string | null;
  recordingState: 'pending' | 'attached' | 'failed' | null;
  recordingError: string | null;
}

const COLUMNS = `id, channel_id AS "channelId", external_call_id AS "externalCallId", direction, from_number AS "fromNumber",
  to_number AS "toNumber", phone, customer_id AS "customerId", match, possible_customer_ids AS "possibleCustomerIds", state,
  agent_user_id AS "agentUserId", answering_number AS "answeringNumber", users, queue_name AS "queueName", cause,
  started_at AS "startedAt", answered_at AS "answeredAt", ended_at AS "endedAt", duration_seconds AS "durationSeconds",
  ticket_id AS "ticketId", manual, note, recording_url AS "recordingUrl",
  recording_state AS "recordingState", recording_error AS "recordingError"`;

export interface NewCall {
  channelId: string | null;
  externalCallId: string | null;
  direction: CallDirection;
  fromNumber: string;
  toNumber: string;
  phone: string | null;
  customerId: string | null;
  match: CallerMatch;
  possibleCustomerIds: string[];
  state: CallState;
  users: string[];
  queueName: string | null;
  startedAt?: Date;
  manual?: boolean;
  note?: string | null;
  durationSeconds?: number | null;
  endedAt?: Date | null;
  answeredAt?: Date | null;
  agentUserId?: string | null;
  recordingUrl?: string | null;
}

export interface CallFilter {
  state?: CallState;
  direction?: CallDirection;
  customerId?: string;
  channelId?: string;
  limit: number;
  offset: number;
}

export interface CallerCard {
  name: string | null;
  openTickets: number;
  lastTicket: { id: string; number: string; subject: string } | null;
}

/** The calls table, and the few reads of people and tickets a call needs (who called, who answered, who to tell). */
@Injectable()
export class CallsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts the call unless the PBX reported it before (same channel and call id); answers the stored row and whether it is new. */
  async insertOnce(call: NewCall): Promise<{ call: CallRow; created: boolean }> {
    const rows: CallRow[] = await this.db.query(
      `INSERT INTO calls (channel_id, external_call_id, direction, from_number, to_number, phone, customer_id, match, possible_customer_ids,
                          state, users, queue_name, started_at, manual, note, duration_seconds, ended_at, answered_at, agent_user_id, recording_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[], $10, $11::text[], $12, coalesce($13, now()), $14, $15, $16, $17, $18, $19, $20)
       ON CONFLICT (channel_id, external_call_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        call.channelId, call.externalCallId, call.direction, call.fromNumber, call.toNumber, call.phone, call.customerId, call.match,
        call.possibleCustomerIds, call.state, call.users, call.queueName, call.startedAt ?? null, call.manual ?? false, call.note ?? null,
        call.durationSeconds ?? null, call.endedAt ?? null, call.answeredAt ?? null, call.agentUserId ?? null, call.recordingUrl ?? null,
      ],
    );
    if (rows[0]) return { call: rows[0], created: true };
    return { call: (await this.findByExternalId(call.channelId!, call.externalCallId!))!, created: false };
  }

  async findByExternalId(channelId: string, externalCallId: string): Promise<CallRow | null> {
    const rows: CallRow[] = await this.db.query(`SELECT ${COLUMNS} FROM calls WHERE channel_id = $1 AND external_call_id = $2`, [channelId, externalCallId]);
    return rows[0] ?? null;
  }

  async findById(id: string): Promise<CallRow | null> {
    const rows: CallRow[] = await this.db.query(`SELECT ${COLUMNS} FROM calls WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** Changes the call; answers the row after the change. */
  async update(id: string, patch: Partial<Record<'state' | 'agentUserId' | 'answeringNumber' | 'cause' | 'answeredAt' | 'endedAt' | 'durationSeconds' | 'ticketId' | 'customerId' | 'match' | 'users' | 'recordingState' | 'recordingError', unknown>>): Promise<CallRow> {
    const columns: Record<string, string> = {
      state: 'state', agentUserId: 'agent_user_id', answeringNumber: 'answering_number', cause: 'cause', answeredAt: 'answered_at',
      endedAt: 'ended_at', durationSeconds: 'duration_seconds', ticketId: 'ticket_id', customerId: 'customer_id', match: 'match', users: 'users',
      recordingState: 'recording_state', recordingError: 'recording_error',
    };
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    const sets = entries.map(([k], i) => `${columns[k]} = $${i + 2}`);
    // An UPDATE … RETURNING answers [rows, affected count].
    const [rows]: [CallRow[], number] = await this.db.query(
      `UPDATE calls SET ${sets.length ? sets.join(', ') : 'id = id'} WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, ...entries.map(([, v]) => v)],
    );
    return rows[0];
  }

  async list(filter: CallFilter): Promise<[CallRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.state) add('state = ?', filter.state);
    if (filter.direction) add('direction = ?', filter.direction);
    if (filter.customerId) add('customer_id = ?', filter.customerId);
    if (filter.channelId) add('channel_id = ?', filter.channelId);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [rows, count]: [CallRow[], { n: string }[]] = await Promise.all([
      this.db.query(`SELECT ${COLUMNS} FROM calls ${clause} ORDER BY started_at DESC, id LIMIT ${filter.limit} OFFSET ${filter.offset}`, params),
      this.db.query(`SELECT count(*) AS n FROM calls ${clause}`, params),
    ]);
    return [rows, Number(count[0].n)];
  }

  /**
   * Who a number is: the customer holding it as a phone identity (known), else
   * the customers holding a number with the same last nine digits, i.e. the
   * same national number written with another country code (possible).
   */
  async matchCaller(phone: string): Promise<{ match: CallerMatch; customerIds: string[] }> {
    const exact: { customerId: string }[] = await this.db.query(
      `SELECT i.customer_id AS "customerId" FROM customer_identities i JOIN customers c ON c.id = i.customer_id
        WHERE i.kind = 'phone' AND i.value = $1 AND c.merged_into_id IS NULL`,
      [phone],
    );
    if (exact.length) return { match: 'known', customerIds: [exact[0].customerId] };
    const digits = phone.replace(/\D/g, '');
    if (digits.length < 9) return { match: 'unknown', customerIds: [] };
    const similar: { customerId: string }[] = await this.db.query(
      `SELECT DISTINCT i.customer_id AS "customerId" FROM customer_identities i JOIN customers c ON c.id = i.customer_id
        WHERE i.kind = 'phone' AND right(i.value, 9) = $1 AND c.merged_into_id IS NULL LIMIT 10`,
      [digits.slice(-9)],
    );
    return similar.length ? { match: 'possible', customerIds: similar.map((s) => s.customerId).sort() } : { match: 'unknown', customerIds: [] };
  }

  /** The customer's name, open tickets and latest ticket: what the caller card shows. */
  async callerCard(customerId: string): Promise<CallerCard> {
    const [customer]: { name: string | null }[] = await this.db.query(`SELECT name FROM customers WHERE id = $1`, [customerId]);
    const [counts]: { open: string }[] = await this.db.query(
      `SELECT count(*) AS open FROM tickets WHERE customer_id = $1 AND status NOT IN ('resolved', 'closed') AND merged_into_id IS NULL`,
      [customerId],
    );
    const [last]: { id: string; number: string; subject: string }[] = await this.db.query(
      `SELECT id, number, subject FROM tickets WHERE customer_id = $1 AND merged_into_id IS NULL ORDER BY created_at DESC, id DESC LIMIT 1`,
      [customerId],
    );
    return { name: customer?.name ?? null, openTickets: Number(counts?.open ?? 0), lastTicket: last ?? null };
  }

  /** The customers' names by id. */
  async customerNames(ids: string[]): Promise<Map<string, string | null>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string | null }[] = await this.db.query(`SELECT id, name FROM customers WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The users' names by id. */
  async userNames(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; name: string }[] = await this.db.query(`SELECT id, name FROM users WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The active user an `answeringNumber` (e-mail or id) or a PBX user name names. */
  async findAgent(answeringNumber: string | null, names: string[]): Promise<string | null> {
    if (answeringNumber) {
      const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(answeringNumber);
      const rows: { id: string }[] = await this.db.query(
        `SELECT id FROM users WHERE active AND (lower(email) = lower($1) OR ($2 AND id::text = lower($1))) LIMIT 1`,
        [answeringNumber, isUuid],
      );
      if (rows[0]) return rows[0].id;
    }
    if (names.length === 1) {
      const rows: { id: string }[] = await this.db.query(`SELECT id FROM users WHERE active AND lower(name) = lower($1)`, [names[0]]);
      if (rows.length === 1) return rows[0].id;
    }
    return null;
  }

  /** The active members of a queue; null queue: every active user. */
  async agentsOf(queueId: string | null): Promise<string[]> {
    const rows: { id: string }[] = queueId
      ? await this.db.query(`SELECT u.id FROM queue_members m JOIN users u ON u.id = m.user_id WHERE m.queue_id = $1 AND u.active`, [queueId])
      : await this.db.query(`SELECT id FROM users WHERE active`);
    return rows.map((r) => r.id);
  }

  /**
   * Calls per queue (the channel's) and per agent in [from, to): answered and
   * missed inbound calls, outbound calls, and call-backs (outbound calls to a
   * number whose missed call came in the 7 days before).
   */
  async report(from: Date, to: Date): Promise<{ queues: CallCounts[]; agents: CallCounts[] }> {
    const counts = `
      count(*) FILTER (WHERE k.direction = 'in' AND k.answered_at IS NOT NULL)::int AS answered,
      count(*) FILTER (WHERE k.state = 'missed')::int AS missed,
      count(*) FILTER (WHERE k.direction = 'out')::int AS outbound,
      count(*) FILTER (WHERE k.direction = 'out' AND EXISTS (
        SELECT 1 FROM calls m WHERE m.state = 'missed' AND m.phone = k.phone AND m.started_at < k.started_at
           AND m.started_at > k.started_at - interval '7 days'))::int AS "callBacks"`;
    const [queues, agents]: [CallCounts[], CallCounts[]] = await Promise.all([
      this.db.query(
        `SELECT ch.queue_id AS id, q.name, ${counts}
           FROM calls k LEFT JOIN channels ch ON ch.id = k.channel_id LEFT JOIN queues q ON q.id = ch.queue_id
          WHERE k.started_at >= $1 AND k.started_at < $2 GROUP BY ch.queue_id, q.name ORDER BY q.name NULLS LAST`,
        [from, to],
      ),
      this.db.query(
        `SELECT k.agent_user_id AS id, u.name, ${counts}
           FROM calls k JOIN users u ON u.id = k.agent_user_id
          WHERE k.started_at >= $1 AND k.started_at < $2 GROUP BY k.agent_user_id, u.name ORDER BY u.name`,
        [from, to],
      ),
    ]);
    return { queues, agents };
  }
}

/** Call counts of a queue or an agent. */
export interface CallCounts {
  id: string | null;
  name: string | null;
  answered: number;
  missed: number;
  outbound: number;
  callBacks: number;
}
