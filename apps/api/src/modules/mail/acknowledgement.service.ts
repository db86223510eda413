import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  ACKNOWLEDGEMENT_PLACEHOLDERS, failedDmarc, type CustomerLanguage, formatTemplateDate, parseTemplateLenient, renderTemplate, templateValues, type SenderAuthentication,
} from '@okienko/domain';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { TemplateValueSources } from '../templates/template-value-sources.js';
import { OutboundMessagesService } from '../tickets/outbound-messages.service.js';
import { AutoReplyLimiterService } from '../mail-outbox/auto-reply-limiter.service.js';
import type { InboundAddressEntity } from './entities/inbound-address.entity.js';

/** The automatic "we have your message, its number is …" reply to a new ticket from a person. */
@Injectable()
export class AcknowledgementService {
  private readonly logger = new Logger('Acknowledgement');

  constructor(
    private readonly outbound: OutboundMessagesService,
    private readonly limiter: AutoReplyLimiterService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly valueSources: TemplateValueSources,
  ) {}

  async acknowledge(input: {
    ticketId: string;
    ticketNumber: string;
    topic: string;
    recipient: string;
    customerName: string | null;
    /** What the customer is written to in: the address's own texts are Polish; an English customer gets the built-in English text. */
    language?: CustomerLanguage;
    address: InboundAddressEntity;
    /** What the checks found of the sender: no acknowledgement to a domain that failed DMARC (by setting). */
    authentication: SenderAuthentication | null;
  }): Promise<boolean> {
    if (this.config.mailAuthSuppressAutoReplyOnDmarcFail && failedDmarc(input.authentication)) {
      // A forged sender must not receive mail from us (backscatter), and the team sees why none went out.
      await this.outbound.recordWithheldAutoReply(input.ticketId, {
        kind: 'acknowledgement', reason: 'sender_not_verified', recipient: input.recipient, domain: input.authentication?.domain ?? null,
      });
      this.logger.log(`no acknowledgement for ticket ${input.ticketNumber}: the sender's domain failed DMARC`);
      return false;
    }
    if (await this.outbound.hasCustomerAnswer(input.ticketId)) {
      this.logger.log(`no acknowledgement for ticket ${input.ticketNumber}: a rule answered it already`);
      return false;
    }
    if (!(await this.limiter.allow(input.recipient))) {
      this.logger.log(`no acknowledgement for ticket ${input.ticketNumber}: the automatic-reply limit for ${input.recipient} is reached`);
      return false;
    }
    const signature = input.address.replyFromName ?? input.address.name ?? input.address.address;
    const english = input.language === 'en';
    const expected = english ? this.config.ackExpectedResponseEn : this.config.ackExpectedResponse;
    // The ticket's SLA deadline for the first answer, counted when the ticket was written.
    const dueAt = await this.outbound.firstResponseDueAt(input.ticketId);
    const due = dueAt ? formatTemplateDate(dueAt, this.config.timeZone, english ? 'en' : 'pl') : '';
    const values = templateValues({
      'ticket.number': input.ticketNumber,
      'ticket.subject': input.topic,
      'customer.name': input.customerName ?? '',
      expected_response: expected,
      'ticket.firstResponseDueAt': due,
      faq_url: this.config.ackFaqUrl ?? '',
      'address.name': signature,
    });
    const defaultBody = english
      ? [
          'Hello,',
          '',
          `thank you for your message. We have registered it as ticket ${input.ticketNumber}.`,
          due ? `We will answer ${expected} (by ${due} at the latest).` : `We will answer ${expected}.`,
          '',
          'If you would like to add anything, just reply to this message (please keep the number in the subject).',
          ...(this.config.ackFaqUrl ? ['', `Answers to frequent questions: ${this.config.ackFaqUrl}`] : []),
          '',
          'Kind regards',
          signature,
        ].join('\n')
      : [
          'Dzień dobry,',
          '',
          `dziękujemy za wiadomość. Zarejestrowaliśmy ją jako zgłoszenie nr ${input.ticketNumber}.`,
          due ? `Odpowiemy ${expected} (najpóźniej ${due}).` : `Odpowiemy ${expected}.`,
          '',
          'Jeśli chcą Państwo coś dodać, wystarczy odpowiedzieć na tę wiadomość (prosimy nie zmieniać numeru w temacie).',
          ...(this.config.ackFaqUrl ? ['', `Odpowiedzi na najczęstsze pytania: ${this.config.ackFaqUrl}`] : []),
          '',
          'Pozdrawiamy',
          signature,
        ].join('\n');
    // The address's own texts are written in Polish; a customer written to in English gets the built-in English text.
    const subject = english ? null : input.address.acknowledgementSubject;
    const body = english ? null : input.address.acknowledgementBody;
    // Checked when saved (unknown placeholders are refused); texts saved before that render as they always did.
    const parsedSubject = subject ? parseTemplateLenient(subject, ACKNOWLEDGEMENT_PLACEHOLDERS) : null;
    const parsedBody = body ? parseTemplateLenient(body, ACKNOWLEDGEMENT_PLACEHOLDERS) : null;
    const used = [...(parsedSubject?.placeholders ?? []), ...(parsedBody?.placeholders ?? [])];
    // {{ticket.statusUrl}}: the ticket's status page (made when the text asks for it).
    if (used.includes('ticket.statusUrl')) {
      const ticket = { id: input.ticketId, queueId: null, subject: input.topic, customerEmail: input.recipient, latestCustomerText: null };
      await this.valueSources.fill(values, ticket, 'pl', used);
    }
    const defaultSubject = english
      ? `Ticket received: ${input.topic || input.ticketNumber}`
      : `Potwierdzenie zgłoszenia: ${input.topic || input.ticketNumber}`;
    // Sent from the address the customer wrote to, under its reply name (as the mail sender does): the ticket shows who it came from.
    const senderName = input.address.replyFromName ?? input.address.name;
    await this.outbound.queueAutomaticReply(input.ticketId, {
      subject: parsedSubject ? renderTemplate(parsedSubject, values) : defaultSubject,
      body: parsedBody ? renderTemplate(parsedBody, values) : defaultBody,
      from: senderName ? `${senderName} <${input.address.address}>` : input.address.address,
    });
    return true;
  }
}
