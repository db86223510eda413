import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { generateSecret } from '../../core/config/load-config.js';
import { SettingsService } from '../settings/settings.service.js';
import { deriveFormKey } from './form-token.js';

/**
 * The key form tokens are signed with, derived from the installation's secret
 * (`JWT_SECRET`, or the one generated on the first start and shared through the
 * database), so every instance checks the tokens of every other.
 */
@Injectable()
export class FormKeysService {
  private key: Promise<Buffer> | null = null;
  private secret: Promise<string> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  signingKey(): Promise<Buffer> {
    this.key ??= (async () => deriveFormKey(await this.installationSecret()))();
    this.key.catch(() => (this.key = null));
    return this.key;
  }

  /** The key status link tokens are derived with (HMAC of the link's id), so a link can be put into a later mail again. */
  async statusLinkKey(): Promise<Buffer> {
    return createHmac('sha256', await this.installationSecret()).update('okienko/status-link/v1').digest();
  }

  private installationSecret(): Promise<string> {
    this.secret ??= (async () => this.config.jwtSecret || (await this.settings.getOrCreate('jwt_secret', generateSecret)))();
    this.secret.catch(() => (this.secret = null));
    return this.secret;
  }
}
