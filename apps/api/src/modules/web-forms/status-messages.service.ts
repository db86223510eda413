import { randomUUID } from 'node:crypto';
import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { FormLanguage } from '@okienko/domain';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CustomersService } from '../customers/customers.service.js';
import { IntakeService } from '../intake/intake.service.js';
import { FormCountersService } from './form-counters.service.js';
import { StatusLinksService, type OpenedStatusLink } from './status-links.service.js';
import { checkSubmissionFiles, type UploadedFile } from './submission-files.js';
import { WebFormsErrorCode, WebFormsException } from './web-forms.exception.js';

const MAX_TEXT = 20_000;
/** What the status page takes as files: photos and documents, like a form's file field. */
const STATUS_FILES = { name: 'files', label: { pl: 'Pliki', en: 'Files' }, type: 'file' as const, required: false, maxFiles: 5, maxFileMb: 10 };

const MESSAGES: Record<FormLanguage, { empty: string; long: string }> = {
  pl: { empty: 'text: wpisz wiadomość', long: `text: wiadomość może mieć najwyżej ${MAX_TEXT} znaków` },
  en: { empty: 'text: write a message', long: `text: the message may have at most ${MAX_TEXT} characters` },
};

/**
 * The customer's messages from the status page: a customer message on the
 * ticket's web channel (the intake appends it to the ticket by the link's
 * thread, as any later message on a channel's conversation); on a ticket that
 * did not come from a form, a web message joining the ticket.
 */
@Injectable()
export class StatusMessagesService {
  constructor(
    private readonly links: StatusLinksService,
    private readonly intake: IntakeService,
    private readonly customers: CustomersService,
    private readonly counters: FormCountersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Status page requests per client address (429 beyond STATUS_MESSAGES_PER_IP per window). */
  async countRequest(clientIp: string, kind: 'read' | 'write'): Promise<void> {
    const w = this.config.webForms;
    const max = kind === 'read' ? w.statusMessagesPerIp * 10 : w.statusMessagesPerIp;
    const { counts, ttl } = await this.counters.count([`status-${kind}:ip:${clientIp}`], w.rateWindowSeconds);
    if (counts[0] > max) {
      throw new WebFormsException(WebFormsErrorCode.RateLimited, `Too many requests for status pages; try again in ${ttl} seconds`, { retryAfterSeconds: ttl });
    }
  }

  async add(opened: OpenedStatusLink, text: unknown, files: UploadedFile[]): Promise<{ messageId: string }> {
    const lang = opened.link.language;
    const body = typeof text === 'string' ? text.trim() : '';
    if (!body && !files.length) throw fieldError('text', MESSAGES[lang].empty);
    if (body.length > MAX_TEXT) throw fieldError('text', MESSAGES[lang].long);
    const checked = checkSubmissionFiles([STATUS_FILES], files.map((f) => ({ ...f, field: 'files' })), lang);
    if (!checked.ok) {
      throw new BadRequestException({
        message: checked.errors.map((e) => e.message).join('; '),
        details: { code: 'VALIDATION_FAILED', fields: [{ field: 'files', errors: checked.errors.map((e) => e.message) }] },
      });
    }
    const { ticket, link } = opened;
    const customer = await this.customers.get(ticket.customerId);
    const id = randomUUID();
    const received = await this.intake.transaction((manager) =>
      this.intake.receiveIn(manager, {
        channel: { id: link.channelId, type: 'web_form' },
        sender: {
          identities: customer.email ? [{ kind: 'email', value: customer.email }] : [],
          name: customer.name,
        },
        subject: ticket.subject,
        text: body,
        visibleText: body,
        html: null,
        attachments: checked.attachments,
        automated: false,
        route: null,
        externalThreadId: link.channelId ? link.threadId : null,
        externalMessageId: link.channelId ? id : null,
        email: null,
        // A link put into a mail of a ticket from another channel (`{{ticket.statusUrl}}`) has no form conversation: it joins its ticket.
        joinTicketId: link.channelId ? null : link.ticketId,
      }),
    );
    await this.intake.afterCommit(received);
    // A ticket closed longer ago than the reopen window: the message opened a new one (as a mail would).
    return { messageId: received.messageRowId ?? id };
  }
}

function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message, details: { code: 'VALIDATION_FAILED', fields: [{ field, errors: [message] }] } });
}
