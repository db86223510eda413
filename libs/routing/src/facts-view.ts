import { PreparedText, shortenForDisplay } from './prepared-text.js';
import { normalizeTextUncached } from './text-folding.js';
import type { TicketFacts } from './ticket-facts.js';

/** The free-text fields of the facts (customer fields aside). */
export type TextFieldName = 'subject' | 'body' | 'sender_address' | 'sender_domain';
/** The fields that hold several texts. */
export type ListFieldName = 'inbound_address' | 'customer_tag' | 'tag';
/** The identifier fields. */
export type IdFieldName = 'channel' | 'category' | 'priority' | 'status' | 'queue' | 'assignee' | 'order_status' | 'marketplace';

/** Several texts of one field, prepared, with their display. */
export class PreparedList {
  private display: string | undefined = undefined;

  constructor(
    readonly values: readonly string[],
    readonly items: readonly PreparedText[],
  ) {}

  get short(): string {
    if (this.display === undefined) this.display = shortenForDisplay(this.values.join(', '));
    return this.display;
  }
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function senderDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).trim().toLowerCase();
}

/**
 * The facts of one evaluation as the conditions read them: each field is read and
 * prepared (normalised, split into words…) on first use and kept for the other
 * conditions, so a 4 KB body is normalised once per evaluation, not once per
 * condition.
 *
 * Rule actions change only the ticket's identifiers and tags (see applyAction in
 * run-rules), so those are read from the facts every time (tags are re-prepared
 * when the list changed); texts, addresses and customer data are read once.
 * A view lives for one evaluation: do not keep it once the facts may change otherwise.
 */
export class FactsView {
  private subject: PreparedText | undefined = undefined;
  private body: PreparedText | undefined = undefined;
  private senderAddress: PreparedText | undefined = undefined;
  private senderDomain: PreparedText | undefined = undefined;
  private readonly customerFields = new Map<string, PreparedText>();
  private readonly formFields = new Map<string, PreparedText>();
  private readonly lists = new Map<ListFieldName, PreparedList>();
  private readonly normalizedIds = new Map<string, string>();
  private customerFieldByName: Map<string, string> | undefined = undefined;

  constructor(readonly facts: TicketFacts) {}

  text(field: TextFieldName): PreparedText {
    const f = this.facts;
    switch (field) {
      case 'subject': return (this.subject ??= new PreparedText(str(f.subject)));
      case 'body': return (this.body ??= new PreparedText(str(f.body)));
      case 'sender_address': return (this.senderAddress ??= new PreparedText(str(f.senderAddress)));
      case 'sender_domain': return (this.senderDomain ??= new PreparedText(senderDomain(str(f.senderAddress))));
    }
  }

  /** `customer_field:<name>`: the field of that name, or else the first whose name matches ignoring case and diacritics. */
  customerField(name: string): PreparedText {
    let t = this.customerFields.get(name);
    if (t === undefined) {
      t = new PreparedText(this.readCustomerField(name));
      this.customerFields.set(name, t);
    }
    return t;
  }

  /** `form.<name>`: the web form's field of exactly that name (empty when the ticket has no such value). */
  formField(name: string): PreparedText {
    let t = this.formFields.get(name);
    if (t === undefined) {
      const fields = this.facts.formFields ?? {};
      t = new PreparedText(Object.prototype.hasOwnProperty.call(fields, name) ? str(fields[name]) : '');
      this.formFields.set(name, t);
    }
    return t;
  }

  private readCustomerField(name: string): string {
    const fields = this.facts.customerFields ?? {};
    if (Object.prototype.hasOwnProperty.call(fields, name)) return str(fields[name]);
    if (this.customerFieldByName === undefined) {
      this.customerFieldByName = new Map();
      for (const key of Object.keys(fields)) {
        const normalized = normalizeTextUncached(key);
        if (!this.customerFieldByName.has(normalized)) this.customerFieldByName.set(normalized, key);
      }
    }
    const key = this.customerFieldByName.get(normalizeTextUncached(name));
    return key === undefined ? '' : str(fields[key]);
  }

  list(field: ListFieldName): PreparedList {
    const f = this.facts;
    const source = field === 'inbound_address' ? f.inboundAddresses : field === 'customer_tag' ? f.customerTags : f.tags;
    const cached = this.lists.get(field);
    // Tags change while rules run (add_tag pushes, remove_tag replaces the list).
    if (cached !== undefined && (field !== 'tag' || sameStrings(cached.values, source))) return cached;
    const values = strList(source);
    const list = new PreparedList(values, values.map((v) => new PreparedText(v)));
    this.lists.set(field, list);
    return list;
  }

  /** The identifier as the facts hold it now (`null` when not set). */
  id(field: IdFieldName): string | null {
    const f = this.facts;
    switch (field) {
      case 'channel': return f.channel || null;
      case 'category': return f.categoryId || null;
      case 'priority': return f.priority || null;
      case 'status': return f.status || null;
      case 'queue': return f.queueId || null;
      case 'assignee': return f.assigneeId || null;
      case 'order_status': return f.orderStatus || null;
      case 'marketplace': return f.marketplace || null;
    }
  }

  /** normalizeText of an identifier, remembered for this evaluation. */
  normalizedId(value: string): string {
    let n = this.normalizedIds.get(value);
    if (n === undefined) {
      n = normalizeTextUncached(value);
      this.normalizedIds.set(value, n);
    }
    return n;
  }
}

/** The list still holds exactly the strings it was prepared from. */
function sameStrings(prepared: readonly string[], source: unknown): boolean {
  if (!Array.isArray(source)) return prepared.length === 0;
  let j = 0;
  for (const x of source) {
    if (typeof x !== 'string') continue;
    if (j >= prepared.length || prepared[j] !== x) return false;
    j += 1;
  }
  return j === prepared.length;
}
