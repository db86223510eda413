import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import type { IncomingMessage, SenderIdentity } from '../intake/incoming-message.js';
import { IntakeService } from '../intake/intake.service.js';
import type { NewAttachment } from '../tickets/messages.repository.js';
import type { ChannelEntity } from '../channels/entities/channel.entity.js';
import type { FormLanguage, FormSettings, FormValue } from '@okienko/domain';
import { ComplaintRouteRepository } from './complaint-route.repository.js';
import { confirmationMail } from './confirmation-mail.js';
import { emailOf, phoneOf } from './form-contact.js';
import { FormConfirmationsService } from './form-confirmations.service.js';
import { FormFilingWriter, type FormFiling } from './form-filing.writer.js';
import { submissionSubject, submissionText } from './form-message.js';
import { FormSubmissionsRepository, type NewSubmission } from './form-submissions.repository.js';
import { FILING_SUBMISSION, type FilingSubmission } from './form-template-values.source.js';
import { publicBase } from './public-base.js';
import { StatusLinksService } from './status-links.service.js';

/** Why a submission was kept as spam (recorded with it, shown to the team). */
export type SpamReason = 'honeypot' | 'too_fast' | 'email_rate';

/**
 * Web form submissions that passed the checks, written down: filed through
 * the intake as a `web_form` message with the submission row, its status
 * link and the confirmation mail (on the intake's one-statement path when it
 * can, else in a transaction of its own), or kept as spam with their files.
 */
@Injectable()
export class FormFilingService {
  private readonly logger = new Logger('WebForms');

  constructor(
    private readonly intake: IntakeService,
    private readonly submissions: FormSubmissionsRepository,
    private readonly statusLinks: StatusLinksService,
    private readonly complaintRoute: ComplaintRouteRepository,
    private readonly customers: CustomersRepository,
    private readonly confirmations: FormConfirmationsService,
    private readonly filings: FormFilingWriter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async keepAsSpam(s: FilingInput & { reasons: SpamReason[] }): Promise<void> {
    await this.intake.transaction(async (manager) => {
      const id = randomUUID();
      await this.submissions.insert(manager, {
        id, channelId: s.channel.id, state: 'spam', spamReasons: s.reasons, language: s.lang, values: s.values,
        email: emailOf(s.form, s.values), phone: phoneOf(s.form, s.values, this.config.defaultPhoneRegion), clientIp: s.clientIp, origin: s.origin, ticketId: null, messageId: null,
      });
      await this.submissions.insertFiles(manager, id, s.attachments);
    });
    this.logger.log(`a submission of form ${s.channel.name} kept as spam (${s.reasons.join(', ')})`);
  }

  /** Files a submission as a ticket through the intake, with its status link; then the confirmation mail. */
  async file(s: FilingInput & { submissionId: string; spamSubmission: string | null }): Promise<FiledSubmission> {
    const message = await this.incomingMessage(s);
    if (!s.spamSubmission) {
      const filed = await this.fileInOneStatement(s, message);
      if (filed) return filed;
    }
    const email = emailOf(s.form, s.values);
    const { received, statusUrl, confirmation } = await this.intake.transaction(async (manager: EntityManager) => {
      const files = s.spamSubmission ? await this.submissions.filesOf(manager, s.spamSubmission) : [];
      // The rules answering the new ticket read its form's values (`{{form.orderNumber}}`) from here.
      const filing: FilingSubmission = { form: s.form, values: s.values, link: { channelId: s.channel.id, threadId: s.submissionId, language: s.lang } };
      const got = await FILING_SUBMISSION.run(filing, () =>
        this.intake.receiveIn(manager, files.length ? { ...message, attachments: files } : message),
      );
      if (!got.ticketId) throw new Error('the intake filed no ticket for a form submission');
      if (got.customer) await this.customers.settleLanguage(got.customer.id, s.lang, manager);
      const base = publicBase(this.config.publicUrl, s.selfOrigin);
      const submission: NewSubmission = {
        id: s.submissionId, channelId: s.channel.id, state: 'filed', spamReasons: [], language: s.lang, values: s.values,
        email, phone: phoneOf(s.form, s.values, this.config.defaultPhoneRegion), clientIp: s.clientIp, origin: s.origin, ticketId: got.ticketId, messageId: got.messageRowId,
      };
      let statusUrl: string;
      if (filing.linkMade || s.spamSubmission) {
        // A rule's answer may have put the ticket's link into its mail already: the confirmation repeats that one.
        if (s.spamSubmission) await this.submissions.markFiled(manager, s.spamSubmission, got.ticketId, got.messageRowId);
        else await this.submissions.insert(manager, submission);
        statusUrl = filing.linkMade
          ? await this.statusLinks.urlFor(manager, got.ticketId, filing.link, base)
          : (await this.statusLinks.create(manager, { ticketId: got.ticketId, ...filing.link }, base)).url;
      } else {
        const fresh = await this.statusLinks.prepare({ ticketId: got.ticketId, ...filing.link }, base);
        await this.submissions.insertWithStatusLink(manager, submission, fresh.link);
        statusUrl = fresh.url;
      }
      // The confirmation (the ticket's number and the status link) goes out with the filing, in its transaction.
      const confirmation = got.outcome === 'new_ticket' && email
        ? await this.confirmations.write(manager, got.ticketId, got.customer?.email ?? null, confirmationMail({
          lang: s.lang, kind: s.form.kind, ticketNumber: got.ticketNumber!, subject: message.subject, statusUrl, config: this.config,
        }))
        : null;
      return { received: got, statusUrl, confirmation };
    });
    await this.intake.afterCommit(received);
    const ticketNumber = received.ticketNumber!;
    if (confirmation) await this.enqueueConfirmation(confirmation, ticketNumber);
    return { ticketNumber, statusUrl, ticketId: received.ticketId! };
  }

  /**
   * The common case, a new conversation from an e-mail address: the ticket in
   * the intake's one statement together with the submissions arriving at the
   * same moment, and the submission, its status link and the confirmation
   * with it (FormFilingWriter), in one transaction. Null when the intake
   * needs its general path (see IntakeService.openInOneStatement).
   */
  private async fileInOneStatement(s: FilingInput & { submissionId: string }, message: IncomingMessage): Promise<FiledSubmission | null> {
    const email = emailOf(s.form, s.values);
    if (!email) return null;
    const { link, url } = await this.statusLinks.prepare({ channelId: s.channel.id, threadId: s.submissionId, language: s.lang }, publicBase(this.config.publicUrl, s.selfOrigin));
    const filing: FormFiling = {
      submission: {
        id: s.submissionId, channelId: s.channel.id, state: 'filed', spamReasons: [], language: s.lang, values: s.values,
        email, phone: phoneOf(s.form, s.values, this.config.defaultPhoneRegion), clientIp: s.clientIp, origin: s.origin,
      },
      link,
      statusUrl: url,
      confirmation: { id: randomUUID(), kind: s.form.kind, subject: message.subject, channel: { id: s.channel.id, name: s.channel.name } },
      language: s.lang,
    };
    const received = await this.intake.openInOneStatement(message, { writer: this.filings, value: filing });
    if (!received) return null;
    await this.enqueueConfirmation(filing.confirmation.id, received.ticketNumber!);
    return { ticketNumber: received.ticketNumber!, statusUrl: url, ticketId: received.ticketId! };
  }

  private async enqueueConfirmation(messageId: string, ticketNumber: string): Promise<void> {
    await this.confirmations.enqueue(messageId).catch((error: Error) => {
      this.logger.warn(`the confirmation of ticket ${ticketNumber} waits for the outbox sweep: ${error.message}`);
    });
  }

  private async incomingMessage(s: FilingInput & { submissionId: string }): Promise<IncomingMessage> {
    const identities: SenderIdentity[] = [];
    const email = emailOf(s.form, s.values);
    const phone = phoneOf(s.form, s.values, this.config.defaultPhoneRegion);
    if (email) identities.push({ kind: 'email', value: email });
    if (phone) identities.push({ kind: 'phone', value: phone });
    const complaint = s.form.kind === 'complaint' ? await this.complaintRoute.complaintRoute() : null;
    const text = submissionText(s.form, s.values);
    return {
      channel: { id: s.channel.id, type: 'web_form' },
      sender: { identities, name: typeof s.values.name === 'string' ? s.values.name.slice(0, 200) : null },
      subject: submissionSubject(s.form, s.channel.name, s.values),
      text,
      visibleText: text,
      html: null,
      attachments: s.attachments,
      automated: false,
      route: {
        queueId: s.channel.queueId ?? complaint?.queueId ?? null,
        categoryId: s.channel.categoryId ?? complaint?.categoryId ?? null,
        priority: s.channel.priority,
      },
      externalThreadId: s.submissionId,
      externalMessageId: s.submissionId,
      // A submission is a conversation of its own (its thread id is the submission's).
      startsConversation: true,
      email: null,
    };
  }
}

export interface FiledSubmission {
  ticketNumber: string;
  statusUrl: string;
  ticketId: string;
}

export interface FilingInput {
  channel: ChannelEntity;
  form: FormSettings;
  lang: FormLanguage;
  values: Record<string, FormValue>;
  attachments: NewAttachment[];
  clientIp: string;
  origin: string | null;
  selfOrigin: string | null;
}
