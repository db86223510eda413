/**
 * `npm run bench:rules`: the rule engine (libs/routing) on its own, in this process.
 *
 * Builds BENCH_RULES realistic enabled rules (default 200) of the trigger `ticket_created` —
 * routing by inbound address, keyword lists over subject and body, sender domains, regexes for
 * invoice / order / tax / phone numbers, nested any/all groups, emptiness and yes/no checks; most
 * of them do not match, as in real life — and BENCH_MESSAGES distinct realistic Polish mails of
 * 4 KB (default 512, used in turn, so no evaluation sees the text of the one before).
 * One evaluation is `runRules(…)` of all those rules against one mail, explanations included
 * (and, measured apart, with `{ explainSkipped: false }` as the rule runner on ingest calls it:
 * only the rules that match are explained).
 * Prints:
 *   1. the first calls in a fresh process (cold; median of 5 child processes): compileRules
 *      and the first runRules on the compiled set, and the first runRules on the plain array;
 *   2. compileRules of rule objects it has never seen (as after loading them from the database);
 *   3. after BENCH_WARMUP evaluations, median / p99 / mean of BENCH_EVALUATIONS evaluations
 *      (default 20,000) and evaluations/s, for the compiled set and for the plain array, and for
 *      the compiled set without explaining the rules that do not match;
 *   4. the heap the compiled set takes and the heap in use after the run (after a GC when
 *      node runs with --expose-gc, as `npm run bench:rules` does).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { compileRules, runRules, validateRule } from '../libs/routing/src/index.js';
import type { Rule, TicketFacts } from '../libs/routing/src/index.js';
import { makeRule, random } from './rule-corpus.js';
import { percentile } from './bench-database.js';

const RULES = Number(process.env.BENCH_RULES ?? 200);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 512);
const EVALUATIONS = Number(process.env.BENCH_EVALUATIONS ?? 20_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2_000);
/** As the rule runner calls it on ingest: only the rules that match are explained. */
const FAST = Object.freeze({ explainSkipped: false });

const rnd = random(20261122 + 1);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

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
    const explained = runRules(compiled, 'ticket_created', mail);
    const fast = runRules(compiled, 'ticket_created', mail, {}, FAST);
    if (JSON.stringify([fast.applied, fast.effects, fast.finalFacts]) !== JSON.stringify([explained.applied, explained.effects, explained.finalFacts])) {
      throw new Error('the run without explanations of skipped rules differs');
    }
  }

  for (let i = 0; i < WARMUP; i += 1) runRules(compiled, 'ticket_created', mails[i % mails.length]);
  const warmCompiled = measure(EVALUATIONS, mails, (f) => runRules(compiled, 'ticket_created', f).applied.length);
  for (let i = 0; i < WARMUP; i += 1) runRules(rules, 'ticket_created', mails[i % mails.length]);
  const warmPlain = measure(EVALUATIONS, mails, (f) => runRules(rules, 'ticket_created', f).applied.length);
  for (let i = 0; i < WARMUP; i += 1) runRules(compiled, 'ticket_created', mails[i % mails.length], {}, FAST);
  const warmFast = measure(EVALUATIONS, mails, (f) => runRules(compiled, 'ticket_created', f, {}, FAST).applied.length);
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
  console.log(`| runRules(compiled, …, { explainSkipped: false }): median / p99 / mean ms | ${ms(warmFast.median)} / ${ms(warmFast.p99)} / ${ms(warmFast.mean)} |`);
  console.log(`| runRules(compiled, …, { explainSkipped: false }): evaluations/s | ${warmFast.perSecond.toFixed(0)} |`);
  console.log(`| heap: the compiled set / in use after the run, MB${(globalThis as { gc?: unknown }).gc ? ' (after GC)' : ''} | ${mb(heapCompiled)} / ${mb(heapAfter)} |`);
}

main();
