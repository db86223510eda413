import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { generateSecret } from '../../core/config/load-config.js';
import { SettingsService } from '../settings/settings.service.js';
import { deriveSurveyKey, readSurveyToken, signSurveyToken, type SurveyTokenClaims } from './survey-token.js';

/**
 * Survey links, signed with a key derived from the installation's secret
 * (`JWT_SECRET`, or the one generated on the first start and shared by every
 * instance through the database), so every instance can check every link.
 */
@Injectable()
export class SurveyLinkService {
  private key: Promise<Buffer> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsService,
  ) {}

  /** `PUBLIC_URL/survey/<token>` */
  async url(surveyId: string, expiresAt: Date): Promise<string> {
    return `${this.config.publicUrl.replace(/\/+$/, '')}/survey/${signSurveyToken(await this.signingKey(), surveyId, expiresAt)}`;
  }

  /** What the token says, or null when Okienko did not sign it. */
  async read(token: string): Promise<SurveyTokenClaims | null> {
    return readSurveyToken(await this.signingKey(), token);
  }

  private signingKey(): Promise<Buffer> {
    this.key ??= (async () => deriveSurveyKey(this.config.jwtSecret || (await this.settings.getOrCreate('jwt_secret', generateSecret))))();
    this.key.catch(() => (this.key = null));
    return this.key;
  }
}
