import { Injectable } from '@nestjs/common';
import type { ChannelType } from '@okienko/domain';
import type { OutboundTransport } from './outbound-transport.js';

/**
 * The outbound transports of this process, by channel type. Each transport
 * registers itself when it is constructed (the e-mail one in the worker role),
 * so a new channel adds its transport without touching the dispatcher.
 */
@Injectable()
export class OutboundTransports {
  private readonly byType = new Map<ChannelType, OutboundTransport>();

  register(transport: OutboundTransport): void {
    this.byType.set(transport.type, transport);
  }

  get(type: ChannelType): OutboundTransport | undefined {
    return this.byType.get(type);
  }
}
