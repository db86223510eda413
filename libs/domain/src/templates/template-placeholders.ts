/**
 * The placeholders a text may use, as an allow-list: a template's `{{ path }}`
 * is looked up in this list and in nothing else, so `{{constructor}}` or
 * `{{__proto__.x}}` are unknown placeholders like any typo, never a way into
 * an object.
 */
export interface PlaceholderDefinition {
  /** What goes between the braces, e.g. `customer.name`. */
  readonly path: string;
  readonly description: string;
  /** A value as it could appear in a real mail; used for previews without a ticket. */
  readonly example: string;
  /**
   * Set while the value does not exist in Okienko yet: the placeholder is then
   * refused with this reason instead of silently rendering nothing.
   */
  readonly unavailable?: string;
  /**
   * Set for a family of placeholders: the definition stands for every
   * `<prefix><name>` (e.g. `form.` for each field of a web form); `path` shows
   * it as `form.<name>`.
   */
  readonly prefix?: string;
}

/** Placeholders of templates (canned responses), for agents' replies, rule actions and acknowledgements of rules. */
export const TEMPLATE_PLACEHOLDERS: readonly PlaceholderDefinition[] = Object.freeze([
  { path: 'customer.name', description: "The customer's name (empty when it is not known)", example: 'Jan Kowalski' },
  { path: 'customer.email', description: "The customer's e-mail address (empty when it is not known)", example: 'jan.kowalski@example.pl' },
  { path: 'ticket.number', description: 'The ticket number', example: '2026-000123' },
  { path: 'ticket.subject', description: "The ticket's subject", example: 'Gdzie jest moje zamówienie?' },
  { path: 'ticket.createdAt', description: "When the ticket was opened, in the helpdesk's time zone", example: '21.05.2026 14:03' },
  {
    path: 'ticket.firstResponseDueAt',
    description: "When the first response is due under the ticket's SLA policy, in the helpdesk's time zone (empty when no deadline applies)",
    example: '22.05.2026 14:03',
  },
  {
    path: 'ticket.statusUrl',
    description: "The link to the ticket's status page, where the customer follows the case and adds to it without an account (made for the ticket when it has none)",
    example: 'https://pomoc.sklep.pl/s/3q2-7wZ0vKxH1mNcR4tYbA8eLdF6gJiU9oPsQ5uVzX0',
  },
  {
    path: 'ticket.resolutionDueAt',
    description: "When the resolution is due under the ticket's SLA policy, in the helpdesk's time zone (empty when no deadline applies)",
    example: '28.05.2026 14:03',
  },
  {
    path: 'agent.name',
    description: "The agent who sends the reply; without one (a rule, an API token) the ticket's assignee; empty when neither exists",
    example: 'Anna Nowak',
  },
  { path: 'queue.name', description: "The name of the ticket's queue (empty when it has none)", example: 'Obsługa zamówień' },
  { path: 'order.number', description: "The number of the customer's order in the shop: the one pinned to the ticket, else the one mentioned, else the newest (empty without a connected shop)", example: '4521' },
  { path: 'order.status', description: "That order's status as the shop names it", example: 'Wysłane' },
  { path: 'order.trackingUrl', description: "The link to follow that order's parcel at the carrier (empty before it is sent)", example: 'https://inpost.pl/sledzenie-przesylek?number=680000000000000000000001' },
  { path: 'order.carrier', description: "The carrier of that order's parcel", example: 'InPost' },
  { path: 'order.total', description: "That order's total with its currency", example: '129,90 zł' },
  { path: 'form.orderNumber', description: 'The order number the customer gave in the web form (empty for tickets not from a form)', example: 'ZAM-4521' },
  { path: 'form.product', description: 'The product named in the complaint form', example: 'Rower Kross Esker' },
  { path: 'form.purchaseDate', description: 'The purchase date given in the complaint form', example: '2026-11-02' },
  { path: 'form.remedy', description: 'What the customer asks for in the complaint form (repair, replacement, price reduction, refund)', example: 'Wymiana na nowy' },
  {
    path: 'form.<name>',
    prefix: 'form.',
    description: "The value of any field of the web form the ticket came from, by the field's name, e.g. {{form.productName}} (a choice by its label; a line whose value is empty is left out)",
    example: 'Rower Kross Esker',
  },
]);

/** Placeholders of an inbound address's own acknowledgement subject and body. */
export const ACKNOWLEDGEMENT_PLACEHOLDERS: readonly PlaceholderDefinition[] = Object.freeze([
  { path: 'ticket.number', description: 'The number of the new ticket', example: '2026-000123' },
  { path: 'ticket.subject', description: "The subject of the customer's mail", example: 'Gdzie jest moje zamówienie?' },
  { path: 'customer.name', description: "The sender's name (empty when the mail has none)", example: 'Jan Kowalski' },
  { path: 'expected_response', description: 'The promised response time (ACK_EXPECTED_RESPONSE)', example: 'w ciągu 1 dnia roboczego' },
  {
    path: 'ticket.firstResponseDueAt',
    description: "When the first response is due under the new ticket's SLA policy, in the helpdesk's time zone (empty when no deadline applies)",
    example: '22.05.2026 14:03',
  },
  { path: 'faq_url', description: 'The help page (ACK_FAQ_URL; empty when unset)', example: 'https://sklep.pl/pomoc' },
  {
    path: 'ticket.statusUrl',
    description: "The link to the new ticket's status page, where the customer follows the case without an account",
    example: 'https://pomoc.sklep.pl/s/3q2-7wZ0vKxH1mNcR4tYbA8eLdF6gJiU9oPsQ5uVzX0',
  },
  { path: 'address.name', description: "The address's reply name, name or address", example: 'Sklep Kowalski – obsługa klienta' },
]);

/** The example values of a placeholder list, for previews without a real ticket. */
export function examplePlaceholderValues(definitions: readonly PlaceholderDefinition[]): Map<string, string> {
  return new Map(definitions.filter((d) => !d.unavailable && !d.prefix).map((d) => [d.path, d.example]));
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The family a path belongs to (`form.orderNumber` → the `form.<name>` definition), if any. */
export function placeholderFamilyOf(path: string, definitions: readonly PlaceholderDefinition[]): PlaceholderDefinition | undefined {
  return definitions.find((d) => d.prefix !== undefined && path.startsWith(d.prefix) && NAME.test(path.slice(d.prefix.length)));
}
