import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export type AllegroStatus = 'new' | 'authorizing' | 'connected' | 'error';

export interface AllegroAccountRow {
  channelId: string;
  status: AllegroStatus;
  deviceCodeEnc: string | null;
  deviceExpiresAt: Date | null;
  authIntervalSeconds: number;
  accessTokenEnc: string | null;
  refreshTokenEnc: string | null;
  tokenExpiresAt: Date | null;
  lastReadAt: Date | null;
  lastError: string | null;
}

export interface AllegroChannelRow {
  id: string;
  name: string;
  active: boolean;
  queueId: string | null;
  categoryId: string | null;
  priority: 'low' | 'normal' | 'high' | 'urgent' | null;
  settings: Record<string, unknown>;
}

const ACCOUNT_COLUMNS = `channel_id AS "channelId", status, device_code_enc AS "deviceCodeEnc", device_expires_at AS "deviceExpiresAt",
  auth_interval_seconds AS "authIntervalSeconds", access_token_enc AS "accessTokenEnc", refresh_token_enc AS "refreshTokenEnc",
  token_expires_at AS "tokenExpiresAt", last_read_at AS "lastReadAt", last_error AS "lastError"`;

const COLUMNS: Record<string, string> = {
  status: 'status', deviceCodeEnc: 'device_code_enc', deviceExpiresAt: 'device_expires_at', authIntervalSeconds: 'auth_interval_seconds',
  accessTokenEnc: 'access_token_enc', refreshTokenEnc: 'refresh_token_enc', tokenExpiresAt: 'token_expires_at', lastReadAt: 'last_read_at',
  lastError: 'last_error', userCode: 'user_code', verificationUri: 'verification_uri', verificationUriComplete: 'verification_uri_complete',
  nextRunAt: 'next_run_at',
};

/** Allegro accounts behind `allegro` channels, the threads read, and what the adapter reads of channels and messages. */
@Injectable()
export class AllegroAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ensure(channelId: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO allegro_accounts (channel_id) VALUES ($1) ON CONFLICT DO NOTHING`, [channelId]);
  }

  async find(channelId: string): Promise<AllegroAccountRow | null> {
    const rows = (await this.dataSource.query(`SELECT ${ACCOUNT_COLUMNS} FROM allegro_accounts WHERE channel_id = $1`, [channelId])) as AllegroAccountRow[];
    return rows[0] ?? null;
  }

  async update(channelId: string, patch: Record<string, unknown>): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [channelId];
    for (const [key, value] of Object.entries(patch)) {
      if (!COLUMNS[key] || value === undefined) continue;
      values.push(value);
      sets.push(`${COLUMNS[key]} = $${values.length}`);
    }
    if (!sets.length) return;
    await this.dataSource.query(`UPDATE allegro_accounts SET ${sets.join(', ')}, updated_at = now() WHERE channel_id = $1`, values);
  }

  async channel(id: string): Promise<AllegroChannelRow | null> {
    const rows = (await this.dataSource.query(
      `SELECT id, name, active, queue_id AS "queueId", category_id AS "categoryId", priority, settings FROM channels WHERE id = $1 AND type = 'allegro'`,
      [id],
    )) as AllegroChannelRow[];
    return rows[0] ?? null;
  }

  /**
   * Claims the accounts due for a run (authorising or connected, of active
   * channels): their next run is pushed `leaseMs` ahead, rows another worker
   * holds skipped, so each account is run by one worker at a time.
   */
  async claimDue(limit: number, leaseMs: number): Promise<string[]> {
    const [rows] = (await this.dataSource.query(
      `UPDATE allegro_accounts SET next_run_at = now() + ($2::int * interval '1 millisecond')
        WHERE channel_id IN (SELECT a.channel_id FROM allegro_accounts a JOIN channels c ON c.id = a.channel_id
                              WHERE c.active AND a.status IN ('authorizing', 'connected') AND a.next_run_at <= now()
                              ORDER BY a.next_run_at LIMIT $1 FOR UPDATE OF a SKIP LOCKED)
        RETURNING channel_id`,
      [limit, leaseMs],
    )) as [{ channel_id: string }[], number];
    return rows.map((r) => r.channel_id);
  }

  async threadState(channelId: string, threadId: string): Promise<Date | null> {
    const rows = (await this.dataSource.query(`SELECT last_message_at FROM allegro_threads WHERE channel_id = $1 AND thread_id = $2`, [
      channelId, threadId,
    ])) as { last_message_at: Date | null }[];
    return rows[0]?.last_message_at ?? null;
  }

  async saveThreadState(channelId: string, threadId: string, lastMessageAt: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO allegro_threads (channel_id, thread_id, last_message_at) VALUES ($1, $2, $3)
       ON CONFLICT (channel_id, thread_id) DO UPDATE SET last_message_at = GREATEST(allegro_threads.last_message_at, EXCLUDED.last_message_at)`,
      [channelId, threadId, lastMessageAt],
    );
  }

  async lockThread(manager: EntityManager, channelId: string, threadId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`allegro:${channelId}:${threadId}`]);
  }

  /** Whether a message of the channel with this id is stored (ours, sent from here, or the buyer's filed already). */
  async knownMessage(channelId: string, externalMessageId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM messages WHERE channel_id = $1 AND external_message_id = $2`, [channelId, externalMessageId])) as unknown[];
    return rows.length > 0;
  }

  async threadOf(ticketId: string, channelId: string): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `SELECT external_thread_id FROM messages WHERE ticket_id = $1 AND channel_id = $2 AND external_thread_id IS NOT NULL
        ORDER BY created_at DESC, id DESC LIMIT 1`,
      [ticketId, channelId],
    )) as { external_thread_id: string }[];
    return rows[0]?.external_thread_id ?? null;
  }

  async setSentIds(messageId: string, threadId: string, externalMessageId: string): Promise<void> {
    await this.dataSource.query(`UPDATE messages SET external_message_id = $2, external_thread_id = $3 WHERE id = $1`, [messageId, externalMessageId, threadId]);
  }
}
