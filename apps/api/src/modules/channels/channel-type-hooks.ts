import { Injectable } from '@nestjs/common';
import type { ChannelType } from '@okienko/domain';
import type { ChannelEntity } from './entities/channel.entity.js';

/**
 * What a channel type's adapter adds to the admin API of channels: checking
 * (and completing, e.g. encrypting a client secret) the settings, what is
 * shown once when the channel is created (a signing secret), and what a read
 * adds (a connection's status).
 */
export interface ChannelTypeHook {
  readonly type: ChannelType;
  /** The settings as saved; throws a 400 naming the settings field at fault. */
  settings?(settings: Record<string, unknown>, previous: ChannelEntity | null): Promise<Record<string, unknown>>;
  /** After the channel was created: fields of the answer shown only this once. */
  created?(channel: ChannelEntity): Promise<Record<string, unknown>>;
  /** Fields a read of the channel adds or replaces (e.g. settings with secrets masked). */
  describe?(channel: ChannelEntity): Promise<Record<string, unknown>>;
}

/**
 * The hooks of this process, by channel type. Adapter modules (the API
 * channel, Allegro) register theirs when they are constructed, so the
 * channels module depends on none of them.
 */
@Injectable()
export class ChannelTypeHooks {
  private readonly byType = new Map<ChannelType, ChannelTypeHook>();

  register(hook: ChannelTypeHook): void {
    this.byType.set(hook.type, hook);
  }

  async settings(type: ChannelType, settings: Record<string, unknown> | undefined, previous: ChannelEntity | null): Promise<Record<string, unknown> | undefined> {
    const hook = this.byType.get(type);
    if (!hook?.settings || (settings === undefined && previous)) return settings;
    return hook.settings(settings ?? {}, previous);
  }

  async created(channel: ChannelEntity): Promise<Record<string, unknown>> {
    return (await this.byType.get(channel.type)?.created?.(channel)) ?? {};
  }

  async describe(channel: ChannelEntity): Promise<Record<string, unknown>> {
    return (await this.byType.get(channel.type)?.describe?.(channel)) ?? {};
  }
}
