/**
 * The benchmarks' rule set: realistic enabled `ticket_created` rules — routing by inbound
 * address, keyword lists over subject and body, sender domains, regexes for invoice / order /
 * tax / phone numbers, nested any/all groups, emptiness and yes/no checks; most of them do not
 * match a given mail, as in real life. `bench:rules` runs them in the engine alone,
 * `bench:ingest` (BENCH_RULES) saves them through the API and sends mail past them.
 */
import type { Condition, ConditionGroup, Rule, RuleAction } from '../libs/routing/src/index.js';

/** The ids a rule's actions point at; `bench:ingest` maps them to real queues, categories and templates. */
export interface RuleCorpusIds {
  queue(i: number): string;
  category(i: number): string;
  template(i: number): string;
}

const PLACEHOLDER_IDS: RuleCorpusIds = { queue: (i) => `q-${i}`, category: (i) => `c-${i}`, template: (i) => `t-${i}` };

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same rules and mails. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(20261122);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

const DEPARTMENTS = [
  'reklamacje', 'zwroty', 'faktury', 'hurt', 'serwis', 'marketing', 'kariera', 'b2b', 'allegro', 'ksiegowosc',
  'kontakt', 'pomoc', 'sprzedaz', 'logistyka', 'magazyn', 'partnerzy', 'prasa', 'rodo', 'outlet', 'biuro',
];
const TOPICS: readonly (readonly string[])[] = [
  ['reklamacja', 'reklamację', 'uszkodzony', 'wadliwy'],
  ['zwrot', 'odstąpienie od umowy', 'zwrócić towar'],
  ['faktura', 'FV', 'korekta faktury', 'duplikat faktury'],
  ['płatność', 'przelew', 'BLIK', 'nadpłata'],
  ['dostawa', 'kurier', 'przesyłka nie dotarła', 'list przewozowy'],
  ['awaria', 'nie działa', 'zepsuty', 'usterka'],
  ['gwarancja', 'serwis', 'naprawa gwarancyjna', 'rękojmia'],
  ['rabat', 'kod rabatowy', 'promocja', 'kupon'],
  ['hasło', 'logowanie', 'nie mogę się zalogować', 'konto zablokowane'],
  ['opóźnienie', 'spóźniona', 'termin dostawy minął'],
  ['anulowanie', 'anuluj zamówienie', 'rezygnacja'],
  ['wymiana', 'zły rozmiar', 'za mały', 'za duży'],
  ['paczkomat', 'InPost', 'odbiór osobisty', 'punkt odbioru'],
  ['oferta hurtowa', 'cennik', 'zapytanie ofertowe', 'współpraca'],
  ['RODO', 'dane osobowe', 'usunięcie konta', 'zgoda marketingowa'],
  ['skarga', 'niezadowolony', 'fatalna obsługa', 'rzecznik konsumentów'],
  ['raty', 'leasing', 'finansowanie', 'kredyt'],
  ['montaż', 'instalacja', 'instrukcja obsługi', 'podłączenie'],
  ['brak towaru', 'dostępność', 'kiedy będzie', 'przedsprzedaż'],
  ['newsletter', 'wypisz', 'rezygnuję z subskrypcji'],
];
const PRODUCTS = [
  'drukarka', 'laptop', 'monitor', 'router', 'telefon', 'tablet', 'słuchawki', 'klawiatura', 'myszka', 'głośnik',
  'kamera', 'ładowarka', 'zasilacz', 'pralka', 'lodówka', 'zmywarka', 'odkurzacz', 'czajnik', 'żelazko', 'suszarka',
  'rower', 'hulajnoga', 'namiot', 'plecak', 'kurtka', 'buty', 'sukienka', 'zegarek', 'okulary', 'portfel',
  'ekspres do kawy', 'mikrofalówka', 'piekarnik', 'płyta indukcyjna', 'okap', 'telewizor', 'konsola', 'projektor',
  'dysk zewnętrzny', 'pendrive', 'karta pamięci', 'powerbank', 'smartwatch', 'czytnik e-booków', 'aparat', 'obiektyw',
];
const DOMAINS = [
  'hurtownia-elektro.pl', 'biuro-rachunkowe.com.pl', 'sklep-partner.pl', 'abc-serwis.pl', 'mediaexpert-b2b.pl',
  'firma-kowalski.pl', 'transport-nowak.pl', 'it-solutions.eu', 'urzad.gov.pl', 'szkola.edu.pl', 'kancelaria-lex.pl',
  'drukarnia-poznan.pl', 'agencja-reklamowa.pl', 'meble-wisniewski.pl', 'auto-czesci.com', 'apteka-zdrowie.pl',
];
const REGEXES = [
  'fv\\s*\\d+/\\d{4}',
  '\\bzam[oó]wieni[ae]\\s+(nr|numer)\\s*\\d{4}/\\d{6}',
  '\\bnip:?\\s*\\d{3}-?\\d{3}-?\\d{2}-?\\d{2}\\b',
  '\\b\\d{2}-\\d{3}\\s+[a-ząćęłńóśźż]+',
  '\\bpl\\d{2}[\\d ]{24,32}\\b',
  '\\b(tel|telefon)\\.?:?\\s*\\+?\\d[\\d\\s-]{7,}',
  '\\bnumer przesyłki:?\\s*\\d{10,24}',
  '\\brma-\\d{5,}',
  '^(re|odp|aw|fwd?):',
  '\\bzwrot\\s+nr\\s+\\d+',
  'reklamacj[aięy]\\s+nr\\s+r/\\d+',
  '\\bkod\\s+rabatowy:?\\s*[a-z0-9]{6,}',
  '\\bserial:?\\s*[a-z0-9-]{8,}',
  '\\b(pilne|asap|natychmiast)\\b',
  'https?://\\S+/zamowienie/\\d+',
];
const AUTO_REPLY = ['out of office', 'autoreply', 'automatyczna odpowiedź', 'nieobecność w biurze', 'urlop do'];

const cond = (field: Condition['field'], operator: Condition['operator'], value?: Condition['value']): Condition =>
  value === undefined ? { field, operator } : { field, operator, value };
const all = (...conditions: (Condition | ConditionGroup)[]): ConditionGroup => ({ match: 'all', conditions });
const any = (...conditions: (Condition | ConditionGroup)[]): ConditionGroup => ({ match: 'any', conditions });

/** The i-th rule of the set (the same rule for the same i in every run of a process started afresh). */
export function makeRule(i: number, ids: RuleCorpusIds = PLACEHOLDER_IDS): Rule {
  const g = Math.floor(i / 10);
  const topic = TOPICS[(g + i) % TOPICS.length];
  const product = PRODUCTS[(i * 7) % PRODUCTS.length];
  const words = [pick(topic), pick(topic), `${product} ${i}`];
  let conditions: ConditionGroup;
  let actions: RuleAction[];
  switch (i % 10) {
    case 0: // routing by the address the mail came to
      conditions = all(cond('inbound_address', 'is', `${DEPARTMENTS[g % DEPARTMENTS.length]}@sklep.pl`));
      actions = [{ type: 'set_queue', queueId: ids.queue(i) }];
      break;
    case 1: // a keyword list over subject and body
      conditions = any(cond('subject', 'contains_any_word', words), cond('body', 'contains_any_word', words.join(', ')));
      actions = [{ type: 'add_tag', tag: `temat-${i}` }, { type: 'set_category', categoryId: ids.category(i) }];
      break;
    case 2: // a topic about one product
      conditions = all(
        any(cond('subject', 'contains_any_word', topic), cond('body', 'contains_any_word', topic)),
        any(cond('subject', 'contains', product), cond('body', 'contains', `${product} model ${i}`)),
      );
      actions = [{ type: 'set_queue', queueId: ids.queue(i) }, { type: 'assign_by_strategy' }];
      break;
    case 3: // important senders
      conditions = any(
        cond('sender_domain', 'is', [DOMAINS[i % DOMAINS.length], DOMAINS[(i + 5) % DOMAINS.length]]),
        cond('sender_address', 'is', `zamowienia${i}@${DOMAINS[(i + 3) % DOMAINS.length]}`),
      );
      actions = [{ type: 'set_priority', priority: 'high' }, { type: 'add_tag', tag: 'vip' }];
      break;
    case 4: // numbers in the text of a mail about one topic
      conditions = all(
        any(cond('body', 'matches_regex', REGEXES[g % REGEXES.length]), cond('subject', 'matches_regex', REGEXES[(g + 4) % REGEXES.length])),
        cond('subject', 'contains_any_word', topic),
      );
      actions = [{ type: 'add_tag', tag: `nr-${i}` }];
      break;
    case 5: // escalation of what is already important
      conditions = all(
        cond('priority', 'is', ['high', 'urgent']),
        cond('tag', 'is_not', 'eskalacja'),
        any(cond('body', 'contains', `${pick(topic)} ${product}`), cond('subject', 'starts_with', ['pilne', 'ważne'])),
      );
      actions = [{ type: 'add_tag', tag: 'eskalacja' }, { type: 'notify', target: 'queue' }];
      break;
    case 6: // replies and forwards about something specific
      conditions = all(
        cond('subject', 'starts_with', ['re:', 'odp:', 'fwd:', 'pd:']),
        cond('subject', 'not_contains', `[#2026-${String(i).padStart(6, '0')}]`),
        cond('body', 'contains', `${pick(topic)} ${product}`),
      );
      actions = [{ type: 'add_note', body: `Odpowiedź bez numeru zgłoszenia (${i}).` }];
      break;
    case 7: // who the customer is
      conditions = all(
        cond('customer_tag', 'is', i % 20 === 7 ? 'vip' : `segment-${i}`),
        cond('customer_field:NIP', 'is_not_empty'),
        cond('has_attachments', 'is', i % 3 === 0),
        cond('business_hours', 'is', false),
      );
      actions = [{ type: 'reply_with_template', templateId: ids.template(i) }];
      break;
    case 8: // nested groups
      conditions = any(
        all(cond('subject', 'contains_any_word', topic), cond('body', 'not_contains', product)),
        all(cond('inbound_address', 'contains', DEPARTMENTS[g % DEPARTMENTS.length]), cond('body', 'matches_regex', REGEXES[(i + 2) % REGEXES.length])),
        all(cond('category', 'is_empty'), cond('queue', 'is', ids.queue(i)), any(cond('channel', 'is', 'form'), cond('body', 'contains_any_word', [product]))),
      );
      actions = [{ type: 'set_category', categoryId: ids.category(i) }, { type: 'set_priority', priority: 'normal' }];
      break;
    default: // automatic replies and mailer daemons
      conditions = any(
        cond('subject', 'contains_any_word', [AUTO_REPLY[i % AUTO_REPLY.length], `${product}-auto`]),
        cond('body', 'contains', `ta wiadomość została wygenerowana automatycznie ${i}`),
        cond('sender_address', 'starts_with', ['noreply@', 'no-reply@', 'mailer-daemon@']),
        cond('sender_domain', 'is', `bounce${i}.example.com`),
      );
      actions = [{ type: 'add_tag', tag: 'auto' }, { type: 'set_status', status: 'closed' }];
  }
  return {
    id: `rule-${String(i).padStart(3, '0')}`,
    name: `Reguła ${i}`,
    enabled: true,
    order: i,
    trigger: 'ticket_created',
    conditions,
    actions,
    stopProcessing: false,
  };
}

// ---------------------------------------------------------------------------------------------
// Mails
// ---------------------------------------------------------------------------------------------

