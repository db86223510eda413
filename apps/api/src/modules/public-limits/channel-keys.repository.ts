import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ChannelType } from '@okienko/domain';
import { DataSource } from 'typeorm';

/** Finds the channel a public route names by its key (the PBX webhook, the chat widget). */
@Injectable()
export class ChannelKeysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The id of the active channel of the type with this key; null for any wrong key. */
  async activeChannelId(type: ChannelType, key: string): Promise<string | null> {
    if (key.length < 20 || key.length > 100) return null;
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM channels WHERE type = $1 AND key = $2 AND active`, [type, key]);
    return rows[0]?.id ?? null;
  }
}
