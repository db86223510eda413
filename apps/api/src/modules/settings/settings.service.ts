import { Injectable } from '@nestjs/common';
import { SettingsRepository } from './settings.repository.js';

@Injectable()
export class SettingsService {
  constructor(private readonly settings: SettingsRepository) {}

  /** A value generated once per installation and shared by every instance, e.g. the token-signing secret. */
  getOrCreate(key: string, generate: () => string): Promise<string> {
    return this.settings.insertIfMissing(key, generate());
  }
}
