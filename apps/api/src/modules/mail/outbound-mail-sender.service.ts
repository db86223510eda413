import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { formatMessageIdHeader, ticketSubjectTag } from '@okienko/domain';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { OutboundMessagesService, type OutboundDelivery } from '../tickets/outbound-messages.service.js';
import { InboundAddressesService } from './inbound-addresses.service.js';
import { isPermanentSmtpError, smtpTransport, type MailTransport } from './mail-transport.js';
import type Mail from 'nodemailer/lib/mailer/index.js';

export type SendResult = 'sent' | 'skipped' | 'failed';

/** Sends one outbound message through OUTBOUND_SMTP_URL and records its delivery state. */
@Injectable()
export class OutboundMailSenderService implements OnModuleDestroy {
  private readonly logger = new Logger('OutboundMail');
  private transport?: MailTransport;

  constructor(
    private readonly messages: OutboundMessagesService,
    private readonly addresses: InboundAddressesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Sends the message unless it was sent already (a retried job never sends
   * twice once the first send is recorded). Temporary SMTP failures throw, so
   * the job is retried with backoff; permanent ones mark the message failed.
   */
  async send(messageId: string, lastAttempt: boolean): Promise<SendResult> {
    const delivery = await this.messages.claimForDelivery(messageId);
    if (!delivery) return 'skipped';
    const { purpose, toAddresses } = delivery.message;
    if (purpose === 'conversation' ? !delivery.customer.email && toAddresses.length === 0 : toAddresses.length === 0) {
      await this.messages.markFailed(messageId, delivery.message.purpose === 'conversation' ? 'The customer has no e-mail address' : 'The message has no recipient');
      return 'failed';
    }
    if (!this.config.outboundSmtpUrl) {
      await this.messages.markFailed(messageId, 'Sending is not configured: set OUTBOUND_SMTP_URL');
      return 'failed';
    }
    try {
      this.transport ??= smtpTransport(this.config.outboundSmtpUrl);
      const result = await this.transport.send(await this.compose(delivery));
      await this.messages.markSent(messageId);
      this.logger.log({ messageId, ticket: delivery.ticket.number, response: result.response });
      return 'sent';
    } catch (error) {
      const reason = (error as Error).message;
      if (isPermanentSmtpError(error) || lastAttempt) {
        await this.messages.markFailed(messageId, reason);
        this.logger.warn({ messageId, ticket: delivery.ticket.number, error: reason });
        return 'failed';
      }
      await this.messages.markRetrying(messageId, reason);
      throw error;
    }
  }

  private async compose({ message, ticket, customer, attachments }: OutboundDelivery): Promise<Mail.Options> {
    const identity = (await this.addresses.match(ticket.inboundAddresses))[0];
    const from = identity
      ? { name: identity.replyFromName ?? identity.name ?? '', address: identity.address }
      : { name: '', address: this.config.defaultFromAddress };
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
