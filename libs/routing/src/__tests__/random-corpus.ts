import { CONDITION_OPERATORS, STATIC_CONDITION_FIELDS } from '../rule.js';
import type { Condition, ConditionGroup, ConditionValue, Rule, RuleAction, RuleTrigger } from '../rule.js';
import type { RuleTiming } from '../run-rules.js';
import type { TicketFacts } from '../ticket-facts.js';

/**
 * A seeded generator of rules, condition groups and facts for the equivalence
 * tests: every field and operator, broken conditions, nested and too-deep groups,
 * texts with the characters normalisation has to get right (Polish letters in both
 * cases, combining marks, ligatures, full-width letters, Greek sigma, odd
 * whitespace, every kind of line break, lines longer than a regex window).
 */
export class RandomCorpus {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32 */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  some<T>(list: readonly T[], max = 3): T[] {
    return Array.from({ length: this.int(max + 1) }, () => this.pick(list));
  }

  // --- texts ---------------------------------------------------------------------------------

  word(): string {
    return this.pick(WORDS);
  }

  text(maxWords = 12): string {
    if (this.chance(0.05)) return this.pick(['', ' ', '\n', ' \t\r\n ', '\u00a0']);
    let s = '';
    const n = 1 + this.int(maxWords);
    for (let i = 0; i < n; i += 1) s += (i === 0 ? '' : this.pick(SEPARATORS)) + this.word();
    if (this.chance(0.05)) s = `${s} ${'lorem ipsum zwrot '.repeat(80 + this.int(40))}${this.word()}`; // one line > 1000 characters
    return s;
  }

  /** Random characters, many of them hard for normalisation. */
  chars(max = 40): string {
    let s = '';
    const n = this.int(max + 1);
    for (let i = 0; i < n; i += 1) s += this.chance(0.6) ? this.pick(HARD_CHARACTERS) : this.pick(EASY_CHARACTERS);
    return s;
  }

  // --- conditions ----------------------------------------------------------------------------

  value(): ConditionValue | undefined {
    switch (this.int(12)) {
      case 0: return undefined;
      case 1: return this.pick([true, false]);
      case 2: return this.pick(['tak', 'nie', 'TRUE', ' false ', 'maybe']);
      case 3: return this.some(WORDS, 3);
      case 4: return this.some(WORDS, 3).join(this.pick([', ', ';', '\n', ',,']));
      case 5: return this.pick(REGEXES);
      case 6: return [this.pick(REGEXES), this.pick(REGEXES)];
      case 7: return this.pick(IDS);
      case 8: return this.some(IDS, 2);
      case 9: return this.pick(['', '   ', ' , ', '\u0301']);
      case 10: return this.text(3);
      default: return this.word();
    }
  }

  condition(): Condition {
    const field = this.chance(0.9) ? this.pick(FIELDS) : this.pick(['unknown', 'customer_field:', 'Subject', '']);
    const operator = this.chance(0.95) ? this.pick(CONDITION_OPERATORS) : this.pick(['like', '', 'IS']);
    const value = this.value();
    return (value === undefined ? { field, operator } : { field, operator, value }) as Condition;
  }

  group(depth = 1): ConditionGroup {
    const match = this.chance(0.5) ? 'all' : this.pick(['any', 'any', 'ANY', undefined]);
    const conditions: (Condition | ConditionGroup)[] = [];
    const n = this.int(depth === 1 ? 5 : 4);
    for (let i = 0; i < n; i += 1) {
      if (this.chance(0.02)) conditions.push(null as unknown as Condition);
      else if (depth < 4 && this.chance(0.25)) conditions.push(this.group(depth + 1));
      else conditions.push(this.condition());
    }
    let group = { match, conditions } as ConditionGroup;
    // Now and then a chain that goes past the depth limit.
    if (depth === 1 && this.chance(0.03)) {
      for (let i = 0; i < 8 + this.int(5); i += 1) group = { match: 'all', conditions: [group] };
    }
    return group;
  }

  // --- rules and facts ------------------------------------------------------------------------

  action(): RuleAction {
    switch (this.int(11)) {
      case 0: return { type: 'set_queue', queueId: this.pick(['q-1', 'q-2', 'Q-1']) };
      case 1: return { type: 'set_category', categoryId: this.pick(['c-1', 'c-2']) };
      case 2: return { type: 'set_priority', priority: this.pick(['low', 'normal', 'high', 'urgent'] as const) };
      case 3: return { type: 'set_status', status: this.pick(['open', 'resolved', 'waiting_customer'] as const) };
      case 4: return { type: 'close' };
      case 5: return { type: 'assign', userId: this.pick(['u-1', 'u-7']) };
      case 6: return { type: 'add_tag', tag: this.pick(TAGS) };
      case 7: return { type: 'remove_tag', tag: this.pick(TAGS) };
      case 8: return { type: 'notify', target: 'queue' };
      case 9: return { type: 'assign_by_strategy' };
      default: return { type: 'add_note', body: this.text(3) };
    }
  }

  rule(): Rule {
    const trigger: RuleTrigger = this.chance(0.7) ? 'ticket_created' : this.pick(['customer_replied', 'time_in_status', 'sla_after_deadline', 'sla_before_deadline']);
    const rule: Rule = {
      id: this.pick(['a', 'b', 'c', 'd', 'e', 'f', 'g']) + this.int(5),
      name: `rule ${this.int(100)}`,
      enabled: this.chance(0.9) ? true : this.pick([false, 'true' as unknown as boolean]),
      order: this.chance(0.95) ? this.int(6) : NaN,
      trigger,
      conditions: this.group(),
      actions: Array.from({ length: this.int(4) }, () => this.action()),
      stopProcessing: this.chance(0.1),
    };
    if (trigger !== 'ticket_created' && this.chance(0.9)) {
      rule.triggerParams = { hours: this.pick([1, 2, 72, -1]), ...(this.chance(0.5) ? { status: this.pick(['open', 'waiting_customer'] as const) } : {}) };
    }
    return rule;
  }

  rules(max = 12): Rule[] {
    return Array.from({ length: this.int(max + 1) }, () => this.rule());
  }

  trigger(): RuleTrigger {
    return this.chance(0.7) ? 'ticket_created' : this.pick(['customer_replied', 'time_in_status', 'sla_after_deadline', 'sla_before_deadline']);
  }

  timing(): RuleTiming {
    return this.pick([{}, { hoursInStatus: 80 }, { hoursPastDeadline: 3, hoursUntilDeadline: 1 }, { hoursInStatus: 0.5, hoursUntilDeadline: -1 }]);
  }

  facts(): TicketFacts {
    const customerFields: Record<string, string> = {};
    for (const [k, v] of this.some(CUSTOMER_FIELDS, 3)) customerFields[k] = v;
    return {
      inboundAddresses: this.some(ADDRESSES, 3),
      senderAddress: this.pick(['Jan.Kowalski@Klient.PL', 'bez-domeny', 'noreply@firma.pl', '', 'a@b@Łódź.pl ', 'ZWROT@sklep.pl']),
      subject: this.text(8),
      body: this.text(60),
      channel: this.pick(['email', 'form', 'phone', '', 'EMAIL']),
      customerTags: this.some(TAGS, 2),
      customerFields,
      categoryId: this.pick([null, 'c-1', '', '  ']),
      priority: this.pick(['low', 'normal', 'high', 'urgent'] as const),
      status: this.pick(['new', 'open', 'waiting_customer', 'closed'] as const),
      queueId: this.pick([null, 'q-1', 'Q-1']),
      assigneeId: this.pick([null, 'u-7']),
      tags: this.some(TAGS, 3),
      hasAttachments: this.chance(0.5),
      withinBusinessHours: this.chance(0.5),
    };
  }
}

const FIELDS = [
  ...STATIC_CONDITION_FIELDS,
  'subject', 'body', 'body', 'tag', 'inbound_address',
  'customer_field:NIP', 'customer_field:nip', 'customer_field:Źródło', 'customer_field:zrodlo', 'customer_field:REGON',
];
const WORDS = [
  'awaria', 'AWARIA', 'Awaria', 'awarie', 'zwrot', 'Zwrót', 'ZWRÓT', 'zwroty', 'rot', 'reklamacja', 'Reklamację', 'reklama',
  'faktura', 'FV', 'fv', 'FVAT', 'płatność', 'PLATNOSC', 'nie', 'NIE', 'działa', 'DZIALA', 'nie działa', 'Nie, działa',
  'Łódź', 'lodz', 'Straße', 'strasse', 'ﬁrma', 'ＡＷＡＲＩＡ', 'zamo\u0301wienie', 'zamówienie', 'nr', '123', '1234',
  '2026/000123', 'e-mail', 'e mail', 'biuro@sklep.pl', 'Re:', 're:', 'odp:', 'pilne', 'ΟΔΟΣ', 'οδος', 'İstanbul', 'ß',
  'smørrebrød', 'Œuvre', 'm²', 'ℌ', '𐐀𐐨', '𠀀x', 'a😀b', '𝒜wari𝒜', 'ſ', 'K', 'q-1', 'vip', 'VIP', 'klient.pl', 'Jan.Kowalski', '!!!', '—', '(awaria)', 'x',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\r\n', '\r', '\t', ', ', '. ', '! ', '\u00a0', '\u2003', ' - ', '\n\n', '\n> '];
const REGEXES = [
  '^awaria\\b', 'fv\\s*\\d+', 'zwr[oó]t', '^re:', 'łódź', '\\bFV\\b', '^$', '(a+)+', '(unclosed', '(?<=x)y', 'nie\\s+dzia[lł]a',
  '\\d{3}', '.*koniec', '^\\S+$', 'σ', 'ς',
];
const IDS = ['high', 'urgent', 'low', 'open', 'new', 'q-1', 'Q-1', 'c-1', 'u-7', 'email', 'EMAIL', 'phone'];
const TAGS = ['Zwrot', 'zwrót', 'pilne', 'vip', 'VIP', 'eskalacja', ' ', 'x'];
const ADDRESSES = ['biuro@sklep.pl', 'Reklamacje@Sklep.pl', 'faktury@sklep.pl', '  ', 'zwroty@sklep.pl'];
const CUSTOMER_FIELDS: readonly [string, string][] = [
  ['NIP', '123-456-78-90'], ['nip', '999'], ['Źródło', 'Allegro'], ['ZRODLO', 'sklep'], ['REGON', ''], ['regon', '  '],
];
const HARD_CHARACTERS = [
  'Σ', 'σ', 'ς', 'ΑΣ', 'İ', 'ı', 'ß', 'ẞ', 'ﬁ', 'Ａ', '²', 'ℌ', 'Å', 'ǅ', 'ŉ', 'ΐ', 'Й', '\u0301', '\u0327', '\u0345', '\u00a0',
  '\u2028', '\u2029', '\u0085', '\ufeff', '\r', '\n', '\r\n', '\t', ' ', '  ', 'ł', 'Ł', 'ą', 'Ą', 'ó', 'Ó', 'ż', 'Ż', 'đ',
  'Đ', 'ø', 'Ø', 'æ', 'Æ', 'œ', 'Œ', '😀', 'é', 'e\u0301', '.', "'", ':', '—', '𐐀', '𠀀', '𝒜', '\ud800', '\u20dd',
  '\u1ab0', 'ſ', 'K', '\u000b', '\u000c',
];
const EASY_CHARACTERS = ['a', 'B', 'z', 'Z', '0', '9', ' ', '-', '@', 'x'];
