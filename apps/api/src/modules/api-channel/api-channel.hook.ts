import { BadRequestException, Injectable } from '@nestjs/common';
import { ChannelTypeHooks, type ChannelTypeHook } from '../channels/channel-type-hooks.js';
import type { ChannelEntity } from '../channels/entities/channel.entity.js';
import { OutboundHttpService } from '../webhooks/outbound-http.service.js';
import { SecretsService } from '../webhooks/secrets.service.js';
import { newSigningSecret } from '../webhooks/standard-webhook-signature.js';
import { ApiChannelRepository } from './api-channel.repository.js';

/** A 400 naming the settings field at fault. */
export function settingsError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message: `${field} ${message}`, details: { code: 'VALIDATION_FAILED', fields: [{ field, errors: [`${field} ${message}`] }] } });
}

/**
 * The API channel in the admin API: `settings.outboundUrl` (where agents'
 * replies are POSTed, optional) and `settings.replyWindowHours` (optional)
 * are checked; a new channel gets its signing secret, shown once.
 */
@Injectable()
export class ApiChannelHook implements ChannelTypeHook {
  readonly type = 'api' as const;

  constructor(
    hooks: ChannelTypeHooks,
    private readonly repository: ApiChannelRepository,
    private readonly secrets: SecretsService,
    private readonly http: OutboundHttpService,
  ) {
    hooks.register(this);
  }

  async settings(settings: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { outboundUrl, replyWindowHours } = settings;
    if (outboundUrl !== undefined && outboundUrl !== null) {
      if (typeof outboundUrl !== 'string') throw settingsError('settings.outboundUrl', 'must be an http(s) URL');
      const problem = this.http.checkUrl(outboundUrl.trim());
      if (problem) throw settingsError('settings.outboundUrl', problem);
    }
    if (replyWindowHours !== undefined && replyWindowHours !== null) {
      if (typeof replyWindowHours !== 'number' || !Number.isInteger(replyWindowHours) || replyWindowHours < 1 || replyWindowHours > 8760) {
        throw settingsError('settings.replyWindowHours', 'must be a whole number of hours from 1 to 8760');
      }
    }
    return typeof outboundUrl === 'string' ? { ...settings, outboundUrl: outboundUrl.trim() } : settings;
  }

  async created(channel: ChannelEntity): Promise<Record<string, unknown>> {
    const secret = newSigningSecret();
    await this.repository.saveSecret(channel.id, await this.secrets.encrypt(secret));
    return { secret };
  }
}
