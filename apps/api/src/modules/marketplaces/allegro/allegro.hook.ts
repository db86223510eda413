import { Injectable } from '@nestjs/common';
import { ChannelTypeHooks, type ChannelTypeHook } from '../../channels/channel-type-hooks.js';
import type { ChannelEntity } from '../../channels/entities/channel.entity.js';
import { SecretsService } from '../../webhooks/secrets.service.js';
import { AllegroAccountsRepository } from './allegro-accounts.repository.js';
import { checkAllegroSettings, DEFAULT_API_URL, DEFAULT_AUTH_URL, DEFAULT_POLL_SECONDS } from './allegro-settings.js';

/**
 * Allegro channels in the admin API: the settings checked (`clientId`,
 * `clientSecret`, `apiUrl`, `authUrl`, `pollSeconds`, defaults filled in), the
 * client secret kept encrypted and never shown, and a read adds the account's
 * `status`, `lastReadAt` and `lastError`.
 */
@Injectable()
export class AllegroHook implements ChannelTypeHook {
  readonly type = 'allegro' as const;

  constructor(
    hooks: ChannelTypeHooks,
    private readonly accounts: AllegroAccountsRepository,
    private readonly secrets: SecretsService,
  ) {
    hooks.register(this);
  }

  async settings(settings: Record<string, unknown>, previous: ChannelEntity | null): Promise<Record<string, unknown>> {
    checkAllegroSettings(settings, previous?.settings ?? null);
    const { clientSecret, ...rest } = settings;
    const clientSecretEncrypted =
      typeof clientSecret === 'string' && clientSecret.trim() ? await this.secrets.encrypt(clientSecret.trim()) : previous?.settings.clientSecretEncrypted;
    return {
      ...rest,
      clientId: String(settings.clientId).trim(),
      apiUrl: typeof settings.apiUrl === 'string' ? settings.apiUrl.trim().replace(/\/+$/, '') : DEFAULT_API_URL,
      authUrl: typeof settings.authUrl === 'string' ? settings.authUrl.trim().replace(/\/+$/, '') : DEFAULT_AUTH_URL,
      pollSeconds: typeof settings.pollSeconds === 'number' ? settings.pollSeconds : DEFAULT_POLL_SECONDS,
      clientSecretEncrypted,
    };
  }

  async created(channel: ChannelEntity): Promise<Record<string, unknown>> {
    await this.accounts.ensure(channel.id);
    return {};
  }

  async describe(channel: ChannelEntity): Promise<Record<string, unknown>> {
    const account = await this.accounts.find(channel.id);
    const { clientSecretEncrypted, ...settings } = channel.settings;
    return {
      settings: { ...settings, clientSecretSet: Boolean(clientSecretEncrypted) },
      status: account?.status ?? 'new',
      lastReadAt: account?.lastReadAt ? new Date(account.lastReadAt).toISOString() : null,
      lastError: account?.lastError ?? null,
    };
  }
}
