import { CustomersService } from '../customers/customers.service.js';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { classifyInboundMail, detectCustomerLanguage, findTicketNumbersInSubject } from '@okienko/domain';
import { createBatcher } from '../../core/batching/batcher.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { IncomingMessage, ReceivedMessage } from '../intake/incoming-message.js';
import { IntakeService } from '../intake/intake.service.js';
import { AcknowledgementService } from './acknowledgement.service.js';
import { InboundAddressesService } from './inbound-addresses.service.js';
import { InboundMailsRepository, type ClaimedInboundMail, type ProcessedInboundMail } from './inbound-mails.repository.js';
import { parseInboundMail, type ParsedInboundMail } from './parse-inbound-mail.js';
import { processedMailPart } from './processed-mail.part.js';
import { SenderAuthenticationService } from './sender-authentication.service.js';

/** What an inbound mail's row records of the mail as read. */
type MailDetails = Pick<ProcessedInboundMail, 'messageId' | 'subject' | 'fromAddress'>;

/** A failure that will not go away by trying again (the mail itself is the problem). */
export class PermanentMailError extends Error {}

/** A permanent failure whose details are stored with the mail already. */
class RecordedMailError extends PermanentMailError {}

/** PostgreSQL refused the data (class 22: data exception, 23: integrity violation): retrying cannot help. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}

/**
 * The e-mail adapter of the intake: turns one accepted mail into a channel-neutral
 * message (parse, classify, check the sender), hands it to the intake, records
 * the outcome on the mail's row and acknowledges new tickets.
 */
@Injectable()
export class InboundMailProcessingService {
  private readonly logger = new Logger('InboundMail');

  constructor(
    private readonly mails: InboundMailsRepository,
    private readonly addresses: InboundAddressesService,
    private readonly intake: IntakeService,
    private readonly acknowledgements: AcknowledgementService,
    private readonly senders: SenderAuthenticationService,
    private readonly customers: CustomersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Takes the mails (those not processed already) for processing; `retried`
   * when their job was tried before (each attempt is then counted at once).
   * The claims of jobs starting at the same moment go to the database together.
   */
  async claim(mailIds: readonly string[], retried = false): Promise<ClaimedInboundMail[]> {
    const claimed = await Promise.all(mailIds.map((id) => this.claimTogether({ id, retried })));
    return claimed.filter((mail): mail is ClaimedInboundMail => mail !== null);
  }

  private readonly claimTogether = createBatcher(
    async (wanted: { id: string; retried: boolean }[]): Promise<(ClaimedInboundMail | null)[]> => {
      const ids = [...new Set(wanted.map((w) => w.id))];
      const retried = [...new Set(wanted.filter((w) => w.retried).map((w) => w.id))];
      const claimed = new Map((await this.mails.claim(ids, retried)).map((mail) => [mail.id, mail]));
      // A mail listed twice (in two jobs at once) is processed by the first of them only.
      return wanted.map(({ id }) => {
        const mail = claimed.get(id) ?? null;
        claimed.delete(id);
        return mail;
      });
    },
    { maxBatch: 256, maxInFlight: 2 },
  );

  async process(mail: ClaimedInboundMail): Promise<void> {
    const mailId = mail.id;

    // The sender checks (DNS, cached) run while the mail is parsed; they never throw.
    const authenticating = this.senders.verify(mail.raw, mail);
    let parsed: ParsedInboundMail;
    try {
      parsed = await parseInboundMail(mail.raw);
    } catch (error) {
      throw new PermanentMailError(`The mail cannot be read: ${(error as Error).message}`);
    }
    const authentication = await authenticating;
    const details = { messageId: parsed.messageId, subject: parsed.subject.slice(0, 1000) || null, fromAddress: parsed.from.email };
    const sender = parsed.from.email || mail.envelopeFrom?.toLowerCase() || null;

    // The envelope says which of our addresses the mail is for; forwarded copies may only say it in headers.
    let reached = await this.addresses.match(mail.envelopeTo);
    if (!reached.length) reached = await this.addresses.match([...parsed.deliveredTo, ...parsed.to, ...parsed.cc]);
    const ownAddresses = [...(await this.addresses.allAddresses()), this.config.defaultFromAddress];
    const classification = classifyInboundMail({
      headers: parsed.headers,
      envelopeFrom: mail.envelopeFrom,
      fromAddress: parsed.from.email,
      ownAddresses,
      ownMessageIdDomain: this.config.mailDomain,
      contentType: parsed.contentType,
      subject: parsed.subject,
    });

    const message: IncomingMessage = {
      channel: { id: reached[0] ? await this.addresses.channelIdOf(reached[0].id) : null, type: 'email' },
      // Without a From header, the envelope sender is the best address to answer.
      sender: { identities: sender ? [{ kind: 'email', value: sender }] : [], name: parsed.from.name },
      subject: parsed.topic || parsed.subject,
      text: parsed.text,
      visibleText: parsed.visibleText,
      html: parsed.html,
      attachments: parsed.attachments,
      automated: classification.automated,
      route: reached[0] ? { queueId: reached[0].queueId, categoryId: reached[0].categoryId, priority: reached[0].priority } : null,
      externalThreadId: null,
      externalMessageId: null,
      language: detectCustomerLanguage(`${parsed.topic}\n${parsed.visibleText || parsed.text}`),
      email: {
        inboundMailId: mailId,
        messageId: parsed.messageId,
        threadIds: parsed.threadIds,
        inReplyTo: parsed.inReplyTo,
        references: parsed.references,
        ticketNumbers: parsed.ticketNumbers,
        from: sender,
        replyTo: parsed.replyTo,
        to: parsed.to,
        cc: parsed.cc,
        reachedAddresses: reached.map((a) => a.address.toLowerCase()),
        kind: classification.kind,
        bounce:
          classification.kind === 'bounce'
            ? {
                bouncedMessageId: parsed.report?.originalMessageId ?? parsed.threadIds[0] ?? null,
                ticketNumbers: [...new Set([...parsed.ticketNumbers, ...findTicketNumbersInSubject(parsed.text)])],
                // A report that quotes none of our mail says why in its subject at least (Domino, GroupWise).
                error: parsed.report?.diagnostic ?? (parsed.subject.trim() || 'The message could not be delivered'),
              }
            : null,
        authentication,
      },
    };

    try {
      const filed = await this.file(mailId, message, details);
      const address = reached[0];
      // A customer's first message decides the language they are written to in (acknowledgements, automatic answers, surveys):
      // stored when the customer was created with this mail, else settled now.
      const language =
        filed.outcome === 'new_ticket' && filed.customer
          ? filed.customer.language ?? (await this.customers.settleLanguage(filed.customer.id, `${parsed.topic}\n${parsed.visibleText || parsed.text}`))
          : 'pl';
      if (filed.outcome === 'new_ticket' && !filed.filedBefore && !classification.automated && address?.autoAcknowledge && filed.customer?.email && parsed.hasOwnMessageId) {
        await this.acknowledgements.acknowledge({
          ticketId: filed.ticketId!,
          ticketNumber: filed.ticketNumber!,
          topic: parsed.topic,
          recipient: filed.customer.email,
          customerName: filed.customer.name,
          language,
          address,
          authentication,
        });
      }
      this.logger.log({ mailId, outcome: filed.outcome, ticket: filed.ticketNumber, kind: classification.kind });
    } catch (error) {
      if (isDataError(error)) {
        const reason = `The mail could not be stored: ${(error as Error).message}`;
        await this.mails.markFailed(mailId, reason, details);
        throw new RecordedMailError(reason);
      }
      throw error;
    }
  }

  /**
   * Hands the mail to the intake and records what it became, in the
   * transaction that files it: a new conversation the intake writes in one
   * statement is recorded by that statement (processedMailPart);
   * everything else is filed in a transaction the mail module opens.
   */
  private async file(mailId: string, message: IncomingMessage, details: MailDetails): Promise<ReceivedMessage> {
    const opened = await this.intake.openInOneStatement(message, { part: processedMailPart, value: { id: mailId, ...details } });
    if (opened) return opened;
    const filed = await this.intake.transaction(async (manager) => {
      const received = await this.intake.receiveIn(manager, message);
      await this.mails.recordProcessedIn(manager, { id: mailId, outcome: received.outcome, ticketId: received.ticketId, ...details });
      return received;
    });
    await this.intake.afterCommit(filed);
    return filed;
  }

  /** Records why a mail could not be processed; it stays listed for admins and can be re-processed. */
  async fail(mailId: string, error: Error): Promise<void> {
    this.logger.warn({ mailId, error: error.message });
    if (!(error instanceof RecordedMailError)) await this.mails.markFailed(mailId, error.message);
  }
}
