import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { SecretBox } from '../../core/secrets/secret-box.js';
import { SettingsService } from '../settings/settings.service.js';

/**
 * The box integrations' credentials are encrypted in: keyed by SECRETS_KEY,
 * or (without it) by a key generated on first use and kept in the settings
 * table, shared by every instance — set SECRETS_KEY in production so a copy
 * of the database alone does not reveal the credentials.
 */
@Injectable()
export class IntegrationSecrets {
  private box: Promise<SecretBox> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  async encrypt(values: Record<string, string>): Promise<string> {
    return (await this.get()).encryptJson(values);
  }

  async decrypt(stored: string): Promise<Record<string, string>> {
    return (await this.get()).decryptJson<Record<string, string>>(stored);
  }

  private get(): Promise<SecretBox> {
    this.box ??= (async () => new SecretBox(this.config.secretsKey ?? (await this.settings.getOrCreate('secrets_key', () => randomBytes(32).toString('base64url')))))();
    this.box.catch(() => (this.box = null));
    return this.box;
  }
}
