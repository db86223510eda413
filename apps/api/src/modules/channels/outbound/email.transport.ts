import { Injectable } from '@nestjs/common';
import { OutboundMailSenderService } from '../../mail/outbound-mail-sender.service.js';
import type { OutboundDelivery } from '../../tickets/outbound-messages.service.js';
import type { OutboundTransport } from './outbound-transport.js';
import { OutboundTransports } from './outbound-transports.js';

/** E-mail replies: composed and sent through OUTBOUND_SMTP_URL, from the inbound address of the message's channel. */
@Injectable()
export class EmailTransport implements OutboundTransport {
  readonly type = 'email' as const;

  constructor(
    private readonly sender: OutboundMailSenderService,
    transports: OutboundTransports,
  ) {
    // Registered as it is made, before any module starts: the outbound workers never see an e-mail reply without it.
    transports.register(this);
  }

  send(delivery: OutboundDelivery): Promise<{ response?: string }> {
    return this.sender.deliver(delivery);
  }
}
