import { Injectable } from '@nestjs/common';
import { OutboundTransports } from '../channels/outbound/outbound-transports.js';
import type { OutboundTransport } from '../channels/outbound/outbound-transport.js';
import { OutboundMailSenderService } from '../mail/outbound-mail-sender.service.js';
import type { OutboundDelivery } from '../tickets/outbound-messages.service.js';

/**
 * Replies on a web form's ticket: the customer left an e-mail address on the
 * form, so the reply goes to it by e-mail (and the status page shows it).
 * Registered with the e-mail transport in the worker role.
 */
@Injectable()
export class WebFormTransport implements OutboundTransport {
  readonly type = 'web_form' as const;

  constructor(
    private readonly sender: OutboundMailSenderService,
    transports: OutboundTransports,
  ) {
    transports.register(this);
  }

  send(delivery: OutboundDelivery): Promise<{ response?: string }> {
    return this.sender.deliver(delivery);
  }
}
