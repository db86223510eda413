import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '../../../core/config/app-config.js';
import { APP_CONFIG } from '../../../core/config/config.module.js';
import { createLimiter } from '../../../core/batching/limiter.js';
import type { IncomingMessage } from '../../intake/incoming-message.js';
import { IntakeService } from '../../intake/intake.service.js';
import { SecretsService } from '../../webhooks/secrets.service.js';
import { AllegroAccountsRepository, type AllegroAccountRow, type AllegroChannelRow } from './allegro-accounts.repository.js';
import { AllegroError, type AllegroClient, type AllegroMessage, type AllegroThread } from './allegro-client.js';
import { AllegroConnection } from './allegro-connection.js';
import { readAllegroSettings } from './allegro-settings.js';

/** A claimed account is not taken by another worker for this long. */
const LEASE_MS = 5 * 60 * 1000;
/** Pages of threads read per run (20 each, most recently active first). */
const MAX_THREAD_PAGES = 5;

/**
 * Runs the Allegro accounts that are due, one worker per account at a time:
 * an authorising account polls Allegro's token endpoint; a connected one reads
 * the message centre (threads changed since the last read, then their new
 * messages), files the buyer's messages through the intake (thread → ticket,
 * login → `allegro` identity; the shop's own messages never), marks the
 * threads read and records the read. A 429 waits for its Retry-After; an
 * error is shown on the channel and the read is tried again later, where it
 * stopped (nothing is lost, and message ids keep anything from being filed twice).
 */
@Injectable()
export class AllegroPollerService {
  private readonly logger = new Logger('Allegro');
  private readonly slots = createLimiter(4);

  constructor(
    private readonly accounts: AllegroAccountsRepository,
    private readonly connection: AllegroConnection,
    private readonly secrets: SecretsService,
    private readonly intake: IntakeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async tick(): Promise<void> {
    const due = await this.accounts.claimDue(20, LEASE_MS);
    await Promise.all(due.map((id) => this.slots(() => this.run(id)).catch((error: Error) => this.logger.warn(`${id}: ${error.message}`))));
  }

  async run(channelId: string): Promise<void> {
    const channel = await this.accounts.channel(channelId);
    const account = await this.accounts.find(channelId);
    if (!channel || !account) return;
    const pollMs = readAllegroSettings(channel.settings).pollSeconds * 1000;
    const client = await this.connection.client(channel);
    if (account.status === 'authorizing') return this.pollAuthorization(channel, account, client);
    try {
      const token = await this.connection.accessToken(channel, client);
      await this.read(channel, client, token);
      await this.accounts.update(channelId, { lastReadAt: new Date(), lastError: null, nextRunAt: new Date(Date.now() + pollMs) });
    } catch (error) {
      const wait = error instanceof AllegroError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : pollMs;
      const message = error instanceof AllegroError && error.status === 429 ? `Allegro limited the requests (429); waiting ${Math.round(wait / 1000)} s` : (error as Error).message;
      await this.accounts.update(channelId, { lastError: message.slice(0, 1000), nextRunAt: new Date(Date.now() + Math.max(wait, 1000)) });
      this.logger.warn({ channelId, error: message });
    }
  }

  private async pollAuthorization(channel: AllegroChannelRow, account: AllegroAccountRow, client: AllegroClient): Promise<void> {
    const interval = account.authIntervalSeconds * 1000;
    if (!account.deviceCodeEnc || (account.deviceExpiresAt && new Date(account.deviceExpiresAt) < new Date())) {
      await this.accounts.update(channel.id, { status: 'error', lastError: 'The authorisation code expired before it was entered: authorise again', deviceCodeEnc: null });
      return;
    }
    try {
      const tokens = await client.tokenForDevice(await this.secrets.decrypt(account.deviceCodeEnc));
      await this.connection.saveTokens(channel.id, tokens);
      await this.accounts.update(channel.id, { status: 'connected', deviceCodeEnc: null, lastError: null, nextRunAt: new Date() });
    } catch (error) {
      const code = error instanceof AllegroError ? error.code : null;
      if (code === 'authorization_pending') {
        await this.accounts.update(channel.id, { nextRunAt: new Date(Date.now() + interval) });
      } else if (code === 'slow_down') {
        await this.accounts.update(channel.id, { authIntervalSeconds: account.authIntervalSeconds + 5, nextRunAt: new Date(Date.now() + interval + 5000) });
      } else if (code === 'access_denied' || code === 'expired_token' || code === 'invalid_grant') {
        await this.accounts.update(channel.id, { status: 'error', deviceCodeEnc: null, lastError: `Allegro did not authorise the channel (${code})` });
      } else {
        await this.accounts.update(channel.id, { lastError: (error as Error).message.slice(0, 1000), nextRunAt: new Date(Date.now() + interval) });
      }
    }
  }

  /** Threads changed since they were last read, newest activity first, then each one's new messages. */
  private async read(channel: AllegroChannelRow, client: AllegroClient, token: string): Promise<void> {
    for (let page = 0; page < MAX_THREAD_PAGES; page++) {
      const threads = await client.threads(token, page * 20);
      let changed = 0;
      for (const thread of threads) {
        const last = thread.lastMessageDateTime ? new Date(thread.lastMessageDateTime) : null;
        const seen = await this.accounts.threadState(channel.id, thread.id);
        if (!last || (seen && last <= new Date(seen))) continue;
        changed += 1;
        await this.readThread(channel, client, token, thread, seen);
        await this.accounts.saveThreadState(channel.id, thread.id, last);
      }
      if (threads.length < 20 || changed === 0) break;
    }
  }

  private async readThread(channel: AllegroChannelRow, client: AllegroClient, token: string, thread: AllegroThread, seen: Date | null): Promise<void> {
    const messages: AllegroMessage[] = [];
    for (let offset = 0; offset < 500; offset += 20) {
      const page = await client.messages(token, thread.id, seen, offset);
      messages.push(...page);
      if (page.length < 20) break;
    }
    const fromBuyer = messages
      .filter((m) => m.author?.isInterlocutor)
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    for (const message of fromBuyer) {
      if (await this.accounts.knownMessage(channel.id, message.id)) continue;
      const incoming = this.incoming(channel, thread, message);
      const received = await this.intake.transaction(async (manager) => {
        await this.accounts.lockThread(manager, channel.id, thread.id);
        return this.intake.receiveIn(manager, incoming);
      });
      await this.intake.afterCommit(received);
    }
    if (!thread.read && fromBuyer.length) await client.markRead(token, thread.id);
  }

  private incoming(channel: AllegroChannelRow, thread: AllegroThread, message: AllegroMessage): IncomingMessage {
    const login = message.author.login || thread.interlocutor?.login || 'allegro';
    const related = [
      message.relatesTo?.order?.id ? `Zamówienie Allegro: ${message.relatesTo.order.id}` : null,
      message.relatesTo?.offer?.id ? `Oferta Allegro: ${message.relatesTo.offer.id}` : null,
    ].filter(Boolean);
    const files = (message.attachments ?? []).map((a) => `Załącznik: ${a.fileName}`);
    const text = [message.text, ...(related.length || files.length ? ['', ...related, ...files] : [])].join('\n');
    return {
      channel: { id: channel.id, type: 'allegro' },
      sender: { identities: [{ kind: 'allegro', value: login }], name: login },
      subject: (message.subject?.trim() || `Allegro: ${login}`).slice(0, 500),
      text,
      visibleText: message.text,
      html: null,
      attachments: [],
      automated: false,
      route: { queueId: channel.queueId, categoryId: channel.categoryId, priority: channel.priority },
      externalThreadId: thread.id,
      externalMessageId: message.id,
      email: null,
    };
  }
}
