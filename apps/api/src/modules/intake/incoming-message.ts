import type {
  ChannelType, CustomerIdentityKind, CustomerLanguage, MailClassificationKind, SenderAuthentication, TicketPriority,
} from '@okienko/domain';
import type { CustomerEntity } from '../customers/entities/customer.entity.js';
import type { AfterCommit } from '../tickets/automation/ticket-automation.hooks.js';
import type { NewAttachment } from '../tickets/messages.repository.js';

/** Who wrote, as the channel knows them: any of these finds the customer (exact matches only). */
export interface SenderIdentity {
  kind: CustomerIdentityKind;
  value: string;
  /** For `chat`, `allegro` and `external`: which system the id belongs to. */
  source?: string;
}

/** Where a new ticket goes: the channel's (or the inbound address's) queue, category and priority. */
export interface MessageRoute {
  queueId: string | null;
  categoryId: string | null;
  priority: TicketPriority | null;
}

/**
 * A customer's message as any channel hands it to the intake: who wrote it,
 * what it says, on which channel, and the channel's own thread and message
 * ids when it has them. E-mail adds what only mail has in `email`.
 */
export interface IncomingMessage {
  /** The channel it came in on (null id: none of ours, e.g. a mail that reached none of our addresses). */
  channel: { id: string | null; type: ChannelType };
  sender: { identities: SenderIdentity[]; name: string | null };
  subject: string;
  text: string;
  /** The text without quoted history (what rules and previews read). */
  visibleText: string;
  /** Already sanitised. */
  html: string | null;
  attachments: NewAttachment[];
  /** Written by a machine (auto-reply, bounce, bulk): never reopens or changes anything by itself. */
  automated: boolean;
  /** Where a new ticket goes; null: the default queue, no category, normal priority. */
  route: MessageRoute | null;
  /** The channel's id of the conversation: a later message with the same id on the same channel joins its ticket. */
  externalThreadId: string | null;
  /** The channel's id of this message: stored once per channel (a redelivery is a duplicate). */
  externalMessageId: string | null;
  /** What only e-mail has; null for other channels. */
  email: IncomingEmail | null;
  /** A ticket the channel already knows the message belongs to (a call logged on a ticket): it joins that ticket. */
  joinTicketId?: string | null;
  /** The language the message is written in, when the channel detected it: a customer new with it is stored with it. */
  language?: CustomerLanguage | null;
  /**
   * The channel knows the message starts a conversation of its own (a form
   * submission: its thread id was made for it), so no ticket is looked up for it.
   */
  startsConversation?: boolean;
}

/** The e-mail part of an incoming message. */
export interface IncomingEmail {
  /** The `inbound_mails` row it was parsed from (recorded on the message). */
  inboundMailId: string;
  /** Without angle brackets. */
  messageId: string;
  /** In-Reply-To and References, newest first: what the thread is looked up by. */
  threadIds: string[];
  inReplyTo: string | null;
  /** The References header as sent, oldest first. */
  references: string[];
  /** Ticket numbers found in `[#2026-000123]` subject tags. */
  ticketNumbers: string[];
  /** The From address (lower case as parsed; null without one). */
  from: string | null;
  /** Reply-To addresses when they are not the From address: answers on the ticket go there. */
  replyTo: string[];
  to: string[];
  cc: string[];
  /** Our addresses the mail reached (lower case). */
  reachedAddresses: string[];
  /** Who wrote it: a person, or which kind of machine. */
  kind: MailClassificationKind;
  /**
   * A delivery failure report: the Message-ID of our mail it returns, when
   * found, and the ticket numbers its subject or text quotes.
   */
  bounce: { bouncedMessageId: string | null; ticketNumbers: string[]; error: string } | null;
  /** What the SPF, DKIM and DMARC checks found of the sender (null when not checked). */
  authentication: SenderAuthentication | null;
}

export type IntakeOutcome = 'new_ticket' | 'appended' | 'duplicate' | 'bounce' | 'bounce_unmatched' | 'automated_unthreaded';

/** What the intake made of a message. */
export interface ReceivedMessage {
  outcome: IntakeOutcome;
  ticketId: string | null;
  ticketNumber: string | null;
  /** The stored message (null for duplicates and unmatched bounces). */
  messageRowId: string | null;
  customer: Pick<CustomerEntity, 'id' | 'name' | 'email' | 'language'> | null;
  /**
   * The same inbound mail was filed before (a second worker, or a restart
   * between the filing and the mail's record): nothing was written now, the
   * outcome is the first filing's. What follows a filing once (an
   * acknowledgement) is not done again.
   */
  filedBefore: boolean;
  /** The automations' work that waits for the commit (mail to queue, webhooks to call). */
  afterCommit: AfterCommit[];
}
