import type { TicketChannel, TicketPriority, TicketStatus } from '@okienko/domain';
import type { Marketplace } from './rule.js';

/**
 * The plain data a rule is evaluated against: a snapshot of the ticket, its
 * latest message and its customer, built by the caller (the engine does no I/O).
 * Identifiers are opaque strings; `null` means "not set".
 */
export interface TicketFacts {
  /** Every one of our addresses the mail reached (To/Cc/envelope), e.g. `reklamacje@firma.pl`. */
  inboundAddresses: string[];
  senderAddress: string;
  subject: string;
  /** Plain-text body of the message that fired the trigger. */
  body: string;
  channel: TicketChannel | string;
  customerTags: string[];
  customerFields: Record<string, string>;
  /** The values of the web form the ticket came from, by field name, as text (`form.<name>` conditions); absent for other tickets. */
  formFields?: Record<string, string>;
  categoryId: string | null;
  priority: TicketPriority;
  status: TicketStatus;
  queueId: string | null;
  assigneeId: string | null;
  tags: string[];
  hasAttachments: boolean;
  withinBusinessHours: boolean;
  /** The status (`shipped`, `cancelled`, …) of the customer's order the ticket is about, from the connected shops; absent when no rule asks or no shop knows. */
  orderStatus?: string | null;
  /** The marketplace the ticket came from (`allegro`: its message centre; `amazon`: a buyer's mail through Amazon's relay); null or absent otherwise. */
  marketplace?: Marketplace | null;
}

/** A deep copy, so rules can change the working facts without touching the caller's object. */
export function cloneTicketFacts(facts: TicketFacts): TicketFacts {
  return {
    ...facts,
    inboundAddresses: [...(facts.inboundAddresses ?? [])],
    customerTags: [...(facts.customerTags ?? [])],
    customerFields: { ...(facts.customerFields ?? {}) },
    ...(facts.formFields ? { formFields: { ...facts.formFields } } : {}),
    tags: [...(facts.tags ?? [])],
  };
}
