import { Injectable, type OnModuleInit } from '@nestjs/common';
import { OutboundMailSenderService } from '../../mail/outbound-mail-sender.service.js';
import type { OutboundDelivery } from '../../tickets/outbound-messages.service.js';
import type { OutboundTransport } from './outbound-transport.js';
import { OutboundTransports } from './outbound-transports.js';

/** E-mail replies: composed and sent through OUTBOUND_SMTP_URL, from the inbound address of the message's channel. */
@Injectable()
export class EmailTransport implements OutboundTransport, OnModuleInit {
  readonly type = 'email' as const;

  constructor(
    private readonly sender: OutboundMailSenderService,
    private readonly transports: OutboundTransports,
  ) {}

  onModuleInit(): void {
    this.transports.register(this);
  }

  send(delivery: OutboundDelivery): Promise<{ response?: string }> {
    return this.sender.deliver(delivery);
  }
}
