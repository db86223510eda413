import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { SettingEntity } from './entities/setting.entity.js';

@Injectable()
export class SettingsRepository {
  constructor(@InjectRepository(SettingEntity) private readonly settings: Repository<SettingEntity>) {}

  /** Stores `value` unless the key exists; returns the value that is stored (first writer wins). */
  async insertIfMissing(key: string, value: string): Promise<string> {
    await this.settings.createQueryBuilder().insert().values({ key, value }).orIgnore().execute();
    const row = await this.settings.findOneByOrFail({ key });
    return row.value;
  }

  /** The stored value of a key, or null. */
  async find(key: string): Promise<string | null> {
    return (await this.settings.findOneBy({ key }))?.value ?? null;
  }

  /** Stores a value, replacing what the key held. */
  async put(key: string, value: string): Promise<void> {
    await this.settings.upsert({ key, value }, ['key']);
  }
}
