import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { generateSecret } from '../../core/config/load-config.js';
import { SecretBox } from '../../core/secrets/secret-box.js';
import { SettingsService } from '../settings/settings.service.js';

/**
 * Encrypts what webhooks, the API channel and marketplaces keep secret
 * (signing secrets, OAuth tokens) with SECRETS_KEY, or without it with a key
 * generated once per installation and kept in the settings.
 */
@Injectable()
export class SecretsService {
  private box: Promise<SecretBox> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  async encrypt(plaintext: string): Promise<string> {
    return (await this.secretBox()).encrypt(plaintext);
  }

  async decrypt(stored: string): Promise<string> {
    return (await this.secretBox()).decrypt(stored);
  }

  private secretBox(): Promise<SecretBox> {
    this.box ??= (async () => new SecretBox(this.config.secretsKey ?? (await this.settings.getOrCreate('secrets_key', generateSecret))))();
    return this.box;
  }
}
