import { Injectable } from '@nestjs/common';
import { OutboundHttpService } from '../../webhooks/outbound-http.service.js';
import { SecretsService } from '../../webhooks/secrets.service.js';
import { AllegroAccountsRepository, type AllegroChannelRow } from './allegro-accounts.repository.js';
import { AllegroClient, AllegroError } from './allegro-client.js';
import { readAllegroSettings } from './allegro-settings.js';

/** Tokens are refreshed this long before they expire. */
const REFRESH_AHEAD_MS = 5 * 60 * 1000;

/** An Allegro account's client and a valid access token (refreshed when it is about to expire). */
@Injectable()
export class AllegroConnection {
  constructor(
    private readonly accounts: AllegroAccountsRepository,
    private readonly secrets: SecretsService,
    private readonly http: OutboundHttpService,
  ) {}

  async client(channel: AllegroChannelRow): Promise<AllegroClient> {
    const settings = readAllegroSettings(channel.settings);
    const clientSecret = settings.clientSecretEnc ? await this.secrets.decrypt(settings.clientSecretEnc) : '';
    return new AllegroClient(this.http, { apiUrl: settings.apiUrl, authUrl: settings.authUrl, clientId: settings.clientId, clientSecret });
  }

  /** The access token, refreshed first when it expires within 5 minutes; an account that cannot refresh goes to `error`. */
  async accessToken(channel: AllegroChannelRow, client: AllegroClient): Promise<string> {
    const account = await this.accounts.find(channel.id);
    if (!account?.accessTokenEnc || !account.refreshTokenEnc) throw new AllegroError('The Allegro account is not authorised', null);
    if (account.tokenExpiresAt && new Date(account.tokenExpiresAt).getTime() - Date.now() > REFRESH_AHEAD_MS) {
      return this.secrets.decrypt(account.accessTokenEnc);
    }
    try {
      const tokens = await client.refresh(await this.secrets.decrypt(account.refreshTokenEnc));
      await this.saveTokens(channel.id, tokens);
      return tokens.accessToken;
    } catch (error) {
      if (error instanceof AllegroError && error.status !== null && error.status >= 400 && error.status < 500) {
        await this.accounts.update(channel.id, { status: 'error', lastError: `The authorisation ended (${error.message}): authorise the channel again` });
      }
      throw error;
    }
  }

  async saveTokens(channelId: string, tokens: { accessToken: string; refreshToken: string; expiresIn: number }): Promise<void> {
    await this.accounts.update(channelId, {
      accessTokenEnc: await this.secrets.encrypt(tokens.accessToken),
      refreshTokenEnc: await this.secrets.encrypt(tokens.refreshToken),
      tokenExpiresAt: new Date(Date.now() + tokens.expiresIn * 1000),
    });
  }
}
