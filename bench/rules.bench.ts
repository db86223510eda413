/**
 * `npm run bench:rules`: the rule engine (libs/routing) on its own, in this process.
 *
 * Builds BENCH_RULES realistic enabled rules (default 200) of the trigger `ticket_created` —
 * routing by inbound address, keyword lists over subject and body, sender domains, regexes for
 * invoice / order / tax / phone numbers, nested any/all groups, emptiness and yes/no checks; most
 * of them do not match, as in real life — and BENCH_MESSAGES distinct realistic Polish mails of
 * 4 KB (default 512, used in turn, so no evaluation sees the text of the one before).
 * One evaluation is `runRules(…)` of all those rules against one mail, explanations included.
 * Prints:
 *   1. the first calls in a fresh process (cold; median of 5 child processes): compileRules
 *      and the first runRules on the compiled set, and the first runRules on the plain array;
 *   2. compileRules of rule objects it has never seen (as after loading them from the database);
 *   3. after BENCH_WARMUP evaluations, median / p99 / mean of BENCH_EVALUATIONS evaluations
 *      (default 20,000) and evaluations/s, for the compiled set and for the plain array;
 *   4. the heap the compiled set takes and the heap in use after the run (after a GC when
 *      node runs with --expose-gc, as `npm run bench:rules` does).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { compileRules, runRules, validateRule } from '../libs/routing/src/index.js';
import type { Condition, ConditionGroup, Rule, RuleAction, TicketFacts } from '../libs/routing/src/index.js';

const RULES = Number(process.env.BENCH_RULES ?? 200);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 512);
const EVALUATIONS = Number(process.env.BENCH_EVALUATIONS ?? 20_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2_000);

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same rules and mails. */
function random(seed: number): () => number {
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

function makeRule(i: number): Rule {
  const g = Math.floor(i / 10);
  const topic = TOPICS[(g + i) % TOPICS.length];
  const product = PRODUCTS[(i * 7) % PRODUCTS.length];
  const words = [pick(topic), pick(topic), `${product} ${i}`];
  let conditions: ConditionGroup;
  let actions: RuleAction[];
  switch (i % 10) {
    case 0: // routing by the address the mail came to
      conditions = all(cond('inbound_address', 'is', `${DEPARTMENTS[g % DEPARTMENTS.length]}@sklep.pl`));
      actions = [{ type: 'set_queue', queueId: `q-${i}` }];
      break;
    case 1: // a keyword list over subject and body
      conditions = any(cond('subject', 'contains_any_word', words), cond('body', 'contains_any_word', words.join(', ')));
      actions = [{ type: 'add_tag', tag: `temat-${i}` }, { type: 'set_category', categoryId: `c-${i}` }];
      break;
    case 2: // a topic about one product
      conditions = all(
        any(cond('subject', 'contains_any_word', topic), cond('body', 'contains_any_word', topic)),
        any(cond('subject', 'contains', product), cond('body', 'contains', `${product} model ${i}`)),
      );
      actions = [{ type: 'set_queue', queueId: `q-${i}` }, { type: 'assign_by_strategy' }];
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
      actions = [{ type: 'reply_with_template', templateId: `t-${i}` }];
      break;
    case 8: // nested groups
      conditions = any(
        all(cond('subject', 'contains_any_word', topic), cond('body', 'not_contains', product)),
        all(cond('inbound_address', 'contains', DEPARTMENTS[g % DEPARTMENTS.length]), cond('body', 'matches_regex', REGEXES[(i + 2) % REGEXES.length])),
        all(cond('category', 'is_empty'), cond('queue', 'is', `q-${i}`), any(cond('channel', 'is', 'form'), cond('body', 'contains_any_word', [product]))),
      );
      actions = [{ type: 'set_category', categoryId: `c-${i}` }, { type: 'set_priority', priority: 'normal' }];
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

const FIRST_NAMES = ['Anna', 'Piotr', 'Katarzyna', 'Łukasz', 'Małgorzata', 'Paweł', 'Agnieszka', 'Michał', 'Zofia', 'Jędrzej'];
const LAST_NAMES = ['Kowalska', 'Nowak', 'Wiśniewska', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zieliński', 'Szymańska', 'Woźniak', 'Dąbrowski'];
const SENTENCES = [
  'Kupiłam u Państwa drukarkę laserową, która po dwóch tygodniach przestała pobierać papier.',
  'Przy każdym wydruku pojawia się komunikat o zacięciu, choć w środku nic nie ma.',
  'Próbowałam wyłączyć urządzenie na kilka godzin, wyczyścić rolki i zaktualizować sterowniki, niestety bez skutku.',
  'Paczka przyszła z lekko wgniecionym kartonem, ale wtedy nie zwróciłam na to uwagi.',
  'W załączniku przesyłam zdjęcia tabliczki znamionowej, paragonu oraz nagranie pokazujące problem.',
  'Bardzo proszę o informację, czy mogę odesłać sprzęt kurierem na Państwa koszt, czy muszę zanieść go do punktu.',
  'Zależy mi na szybkim rozwiązaniu, ponieważ drukarka jest potrzebna w domowym biurze do codziennej pracy.',
  'Jeżeli naprawa potrwa dłużej niż dwa tygodnie, wolałabym wymianę na nowy egzemplarz albo zwrot pieniędzy.',
  'Dodam, że wcześniej kupowałam w Państwa sklepie wiele razy i zawsze byłam zadowolona z obsługi.',
  'Proszę również o przesłanie korekty faktury, bo w nazwie firmy jest literówka.',
  'Płatność była zrealizowana przelewem tradycyjnym w dniu złożenia zamówienia.',
  'Czy mogą Państwo potwierdzić, że zgłoszenie zostało przyjęte i nadać mu numer?',
  'Będę wdzięczna za kontakt telefoniczny w godzinach popołudniowych, rano jestem w pracy.',
  'Nie ukrywam, że jestem rozczarowana jakością tego modelu, choć recenzje były bardzo dobre.',
  'Sprawdziłam też instrukcję obsługi i stronę producenta, ale nie znalazłam tam rozwiązania.',
  'Gdyby potrzebne były dodatkowe informacje, numer seryjny lub zdjęcia, chętnie je doślę.',
];
const QUOTE = [
  'W dniu 12.11.2026 o 09:14 Sklep Okienko <biuro@sklep.pl> napisał(a):',
  '> Dzień dobry,',
  '> dziękujemy za zakupy w naszym sklepie. Twoje zamówienie zostało przekazane do realizacji',
  '> i zostanie wysłane w ciągu 24 godzin. Status zamówienia możesz sprawdzić na stronie',
  '> https://sklep.pl/konto/zamowienia lub w aplikacji mobilnej.',
  '> Pozdrawiamy, zespół obsługi klienta',
];

function makeMail(n: number): TicketFacts {
  const first = FIRST_NAMES[n % FIRST_NAMES.length];
  const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length) % LAST_NAMES.length];
  const order = `2026/${String(100_000 + ((n * 7919) % 900_000)).padStart(6, '0')}`;
  const lines = [
    'Dzień dobry,',
    '',
    `piszę w sprawie zamówienia nr ${order} z dnia ${1 + (n % 28)}.10.2026 (FV ${1000 + n}/2026).`,
  ];
  let paragraph = '';
  while (lines.join('\n').length < 3_000) {
    const sentence = pick(SENTENCES);
    paragraph += `${paragraph ? ' ' : ''}${sentence}`;
    if (paragraph.length > 300) {
      lines.push(paragraph, '');
      paragraph = '';
    }
  }
  if (paragraph) lines.push(paragraph, '');
  lines.push(
    'Z poważaniem,',
    `${first} ${last}`,
    `tel. +48 ${600 + (n % 100)} ${String(100 + (n % 900))} ${String(200 + (n % 700))}`,
    `ul. Piotrkowska ${1 + (n % 200)}/${1 + (n % 30)}, 90-${String(100 + (n % 900))} Łódź`,
    '',
    ...QUOTE,
  );
  let body = lines.join('\n');
  // About 4 KB of text, like an ordinary customer mail with a quoted answer.
  while (Buffer.byteLength(body) < 4_096) body += `\n> ${pick(SENTENCES)}`;
  while (Buffer.byteLength(body) > 4_096) body = body.slice(0, -1);
  return {
    inboundAddresses: ['biuro@sklep.pl'],
    senderAddress: `${first}.${last}${n}@gmail.com`.toLowerCase(),
    subject: `Re: Reklamacja zamówienia nr ${order} – drukarka nie pobiera papieru`,
    body,
    channel: 'email',
    customerTags: n % 5 === 0 ? ['vip'] : [],
    customerFields: n % 3 === 0 ? { NIP: `${100 + (n % 900)}-456-78-90` } : {},
    categoryId: null,
    priority: 'normal',
    status: 'new',
    queueId: null,
    assigneeId: null,
    tags: [],
    hasAttachments: n % 2 === 0,
    withinBusinessHours: n % 4 !== 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------------

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Timing {
  median: number;
  p99: number;
  mean: number;
  perSecond: number;
}

/** Times `count` calls of `evaluate`, each on the next mail. */
function measure(count: number, mails: readonly TicketFacts[], evaluate: (facts: TicketFacts) => number): Timing {
  const times = new Float64Array(count);
  let sink = 0;
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    const facts = mails[i % mails.length];
    const t0 = performance.now();
    sink += evaluate(facts);
    times[i] = performance.now() - t0;
  }
  const elapsed = performance.now() - started;
  if (sink < 0) console.log(sink);
  times.sort();
  const mean = times.reduce((s, t) => s + t, 0) / count;
  return { median: percentile(times, 50), p99: percentile(times, 99), mean, perSecond: count / (elapsed / 1000) };
}

const ms = (t: number): string => (t >= 10 ? t.toFixed(1) : t.toFixed(3));
const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(1);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Heap in use, after a full collection when node runs with --expose-gc. */
function heapUsed(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

interface ColdRun {
  compile?: number;
  evaluate: number;
}

/**
 * The first calls in a process, before the JIT has seen the engine: run in a child
 * process of its own (BENCH_COLD=compiled: compileRules, then runRules on the
 * compiled set; BENCH_COLD=plain: runRules on the array).
 */
function coldRun(mode: string, rules: Rule[], mail: TicketFacts): ColdRun {
  if (mode === 'compiled') {
    const t0 = performance.now();
    const compiled = compileRules(rules);
    const t1 = performance.now();
    runRules(compiled, 'ticket_created', mail);
    return { compile: t1 - t0, evaluate: performance.now() - t1 };
  }
  const t0 = performance.now();
  runRules(rules, 'ticket_created', mail);
  return { evaluate: performance.now() - t0 };
}

function coldRuns(mode: 'compiled' | 'plain', times: number): ColdRun[] {
  return Array.from({ length: times }, () => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
      env: { ...process.env, BENCH_COLD: mode },
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(`cold run failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as ColdRun;
  });
}

function main(): void {
  const rules = Array.from({ length: RULES }, (_, i) => makeRule(i));
  const mails = Array.from({ length: MESSAGES }, (_, n) => makeMail(n));
  const cold = process.env.BENCH_COLD;
  if (cold) {
    console.log(JSON.stringify(coldRun(cold, rules, mails[0])));
    return;
  }
  const invalid = rules.flatMap((r) => validateRule(r).map((p) => `${r.id}: ${p}`));
  if (invalid.length > 0) throw new Error(`the benchmark's rules are invalid:\n${invalid.join('\n')}`);
  const sizes = mails.map((m) => Buffer.byteLength(m.body, 'utf8'));
  const conditions = JSON.stringify(rules.map((r) => r.conditions)).match(/"operator"/g)?.length ?? 0;
  const matching = mails.map((m) => runRules(rules, 'ticket_created', m).applied.length);

  // Cold: the first calls in a fresh process (median of 5 processes).
  const coldCompiled = coldRuns('compiled', 5);
  const coldPlain = coldRuns('plain', 5);

  // Compiling: what the API pays when it (re)loads the rules. Each compile gets rule
  // objects it has never seen, as after reading them from the database.
  const copies = Array.from({ length: 100 }, () => structuredClone(rules));
  const fresh = structuredClone(rules);
  const heapBeforeCompile = heapUsed();
  const compiled = compileRules(fresh);
  const heapCompiled = heapUsed() - heapBeforeCompile;
  const compileTimes = copies.map((copy) => {
    const t0 = performance.now();
    compileRules(copy);
    return performance.now() - t0;
  });
  copies.length = 0;

  // The two paths must agree before they are timed.
  for (const mail of mails.slice(0, 32)) {
    const a = JSON.stringify(runRules(compiled, 'ticket_created', mail));
    if (a !== JSON.stringify(runRules(rules, 'ticket_created', mail))) throw new Error('compiled and plain results differ');
  }

  for (let i = 0; i < WARMUP; i += 1) runRules(compiled, 'ticket_created', mails[i % mails.length]);
  const warmCompiled = measure(EVALUATIONS, mails, (f) => runRules(compiled, 'ticket_created', f).applied.length);
  for (let i = 0; i < WARMUP; i += 1) runRules(rules, 'ticket_created', mails[i % mails.length]);
  const warmPlain = measure(EVALUATIONS, mails, (f) => runRules(rules, 'ticket_created', f).applied.length);
  const heapAfter = heapUsed();

  const cpu = os.cpus();
  console.log(`\nMachine: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
  console.log(
    `${RULES} enabled rules (${conditions} conditions), ${MESSAGES} distinct mails of ${Math.min(...sizes)}–${Math.max(...sizes)} bytes ` +
      `(UTF-8), ${Math.min(...matching)}–${Math.max(...matching)} rules matching a mail; ${WARMUP} warm-up + ${EVALUATIONS} measured evaluations per path\n`,
  );
  console.log('| measurement | result |\n| --- | ---: |');
  console.log(`| cold, fresh process: compileRules(${RULES} rules) + first runRules(compiled, …), ms (median of 5) | ` +
    `${ms(median(coldCompiled.map((c) => c.compile ?? 0)))} + ${ms(median(coldCompiled.map((c) => c.evaluate)))} |`);
  console.log(`| cold, fresh process: first runRules(rules, …) without compiling, ms (median of 5) | ${ms(median(coldPlain.map((c) => c.evaluate)))} |`);
  console.log(`| compileRules(${RULES} rules) warm, rules never seen before: median / max ms | ${ms(median(compileTimes))} / ${ms(Math.max(...compileTimes))} |`);
  console.log(`| runRules(compiled, …): median / p99 / mean ms | ${ms(warmCompiled.median)} / ${ms(warmCompiled.p99)} / ${ms(warmCompiled.mean)} |`);
  console.log(`| runRules(compiled, …): evaluations/s | ${warmCompiled.perSecond.toFixed(0)} |`);
  console.log(`| runRules(rules, …) without compiling: median / p99 / mean ms | ${ms(warmPlain.median)} / ${ms(warmPlain.p99)} / ${ms(warmPlain.mean)} |`);
  console.log(`| runRules(rules, …) without compiling: evaluations/s | ${warmPlain.perSecond.toFixed(0)} |`);
  console.log(`| heap: the compiled set / in use after the run, MB${(globalThis as { gc?: unknown }).gc ? ' (after GC)' : ''} | ${mb(heapCompiled)} / ${mb(heapAfter)} |`);
}

main();
