import { Injectable } from '@nestjs/common';
import { ChannelsException, ChannelsErrorCode } from '../../channels/channels.exception.js';
import { SecretsService } from '../../webhooks/secrets.service.js';
import { AllegroAccountsRepository } from './allegro-accounts.repository.js';
import { AllegroError } from './allegro-client.js';
import { AllegroConnection } from './allegro-connection.js';
import type { AllegroAuthorizationDto } from './dtos/allegro-authorization.dto.js';

/**
 * Starts Allegro's OAuth device flow for a channel: the code the admin enters
 * at Allegro is answered, and the worker polls the token endpoint (honouring
 * `authorization_pending`, `slow_down` and `interval`) until it is granted.
 */
@Injectable()
export class AllegroAuthorizationService {
  constructor(
    private readonly accounts: AllegroAccountsRepository,
    private readonly connection: AllegroConnection,
    private readonly secrets: SecretsService,
  ) {}

  async authorize(channelId: string): Promise<AllegroAuthorizationDto> {
    const channel = await this.accounts.channel(channelId);
    if (!channel) throw new ChannelsException(ChannelsErrorCode.ChannelNotFound, `Allegro channel ${channelId} does not exist`);
    await this.accounts.ensure(channelId);
    const client = await this.connection.client(channel);
    let code;
    try {
      code = await client.deviceCode();
    } catch (error) {
      const message = (error as Error).message;
      await this.accounts.update(channelId, { status: 'error', lastError: message });
      throw new ChannelsException(ChannelsErrorCode.ChannelNotFound, `Allegro refused the authorisation: ${message}`, error instanceof AllegroError ? 'settings.clientId' : undefined);
    }
    const expiresAt = new Date(Date.now() + code.expiresIn * 1000);
    await this.accounts.update(channelId, {
      status: 'authorizing',
      deviceCodeEnc: await this.secrets.encrypt(code.deviceCode),
      deviceExpiresAt: expiresAt,
      authIntervalSeconds: Math.max(1, code.interval),
      userCode: code.userCode,
      verificationUri: code.verificationUri,
      verificationUriComplete: code.verificationUriComplete,
      nextRunAt: new Date(Date.now() + Math.max(1, code.interval) * 1000),
      lastError: null,
    });
    return { userCode: code.userCode, verificationUri: code.verificationUri, verificationUriComplete: code.verificationUriComplete, expiresAt: expiresAt.toISOString() };
  }
}
