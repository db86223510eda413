import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { formatMessageIdHeader, ticketSubjectTag } from '@okienko/domain';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { ChannelsService } from '../channels/channels.service.js';
import { PermanentDeliveryError } from '../channels/outbound/outbound-transport.js';
import type { OutboundDelivery } from '../tickets/outbound-messages.service.js';
import { InboundAddressesService } from './inbound-addresses.service.js';
import { isPermanentSmtpError, smtpTransport, type MailTransport } from './mail-transport.js';
import type Mail from 'nodemailer/lib/mailer/index.js';

/**
 * Composes and sends one e-mail through OUTBOUND_SMTP_URL: the e-mail
 * transport's work (`channels/outbound/email.transport.ts`). The dispatcher
 * records the delivery state and retries.
 */
@Injectable()
export class OutboundMailSenderService implements OnModuleDestroy {
  private transport?: MailTransport;

  constructor(
    private readonly addresses: InboundAddressesService,
    private readonly channels: ChannelsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Sends the message. A failure another try cannot fix (no recipient, sending
   * not configured, a permanent SMTP answer) throws `PermanentDeliveryError`;
   * temporary SMTP failures throw as they are, to be tried again.
   */
  async deliver(delivery: OutboundDelivery): Promise<{ response?: string }> {
    const { purpose, toAddresses } = delivery.message;
    if (purpose === 'conversation' ? !delivery.customer.email && toAddresses.length === 0 : toAddresses.length === 0) {
      throw new PermanentDeliveryError(purpose === 'conversation' ? 'The customer has no e-mail address' : 'The message has no recipient');
    }
    if (!this.config.outboundSmtpUrl) throw new PermanentDeliveryError('Sending is not configured: set OUTBOUND_SMTP_URL');
    this.transport ??= smtpTransport(this.config.outboundSmtpUrl);
    try {
      const result = await this.transport.send(await this.compose(delivery));
      return { response: result.response };
    } catch (error) {
      if (isPermanentSmtpError(error)) throw new PermanentDeliveryError((error as Error).message);
      throw error;
    }
  }

  /**
   * The sender: the inbound address of the message's channel (a customer who
   * wrote to reklamacje@ is answered from reklamacje@), else the first of the
   * ticket's inbound addresses, else DEFAULT_FROM.
   */
  private async sender(message: OutboundDelivery['message'], ticketAddresses: string[]): Promise<{ name: string; address: string }> {
    // Only e-mail channels have an inbound address (a form's or chat's reply by e-mail goes from the ticket's or the default).
    const channel = message.channelId && message.channelType === 'email' ? await this.channels.findById(message.channelId) : null;
    const identity = (channel?.inboundAddressId ? await this.addresses.byId(channel.inboundAddressId) : null)
      ?? (await this.addresses.match(ticketAddresses))[0];
    return identity
      ? { name: identity.replyFromName ?? identity.name ?? '', address: identity.address }
      : { name: '', address: this.config.defaultFromAddress };
  }

  private async compose({ message, ticket, customer, attachments }: OutboundDelivery): Promise<Mail.Options> {
    const from = await this.sender(message, ticket.inboundAddresses);
    const tag = ticketSubjectTag(ticket.number);
    const subject = message.subject ?? ticket.subject;
    const { inReplyTo, references } = message;
    // An answer to a mail whose Reply-To named other addresses than its From goes there (as every mail program does).
    const elsewhere = message.toAddresses.some((a) => a.toLowerCase() !== customer.email?.toLowerCase());
    return {
      from,
      // A forwarded copy or a notification goes to its own recipients, never to the customer.
      to: message.purpose !== 'conversation' || elsewhere
        ? message.toAddresses
        : customer.name ? { name: customer.name, address: customer.email! } : customer.email!,
      // Copies the agent added; blind copies go in the envelope only (nodemailer never writes a Bcc header).
      ...(message.ccAddresses?.length ? { cc: message.ccAddresses } : {}),
      ...(message.bccAddresses?.length ? { bcc: message.bccAddresses } : {}),
      subject: subject.includes(tag) ? subject : `${subject} ${tag}`,
      text: message.bodyText,
      ...(message.bodyHtml ? { html: message.bodyHtml } : {}),
      attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      messageId: formatMessageIdHeader(message.messageId!),
      ...(inReplyTo ? { inReplyTo: formatMessageIdHeader(inReplyTo) } : {}),
      ...(references.length ? { references: references.map(formatMessageIdHeader) } : {}),
      headers: {
        // Our own marker, so a copy that comes back is recognised as a loop.
        'X-Loop': from.address,
        ...(message.automated ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : {}),
      },
    };
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
