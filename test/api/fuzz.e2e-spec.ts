import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { API, asAdmin, createUser, type ApiClient } from '../support/api-client.js';
import {
  eachFieldBroken, encodeLoosely, mutated, sampleBody, NASTY_STRINGS, nested, operationsOf, valueOf, type OpenApiDocument, type Operation, type Parameter,
} from '../support/openapi-fuzz.js';
import { startProduct, type TestProduct } from '../support/start-product.js';

// Every operation of the OpenAPI document, fed generated and broken input in
// its body, query and path, as an administrator, as an agent and signed out:
// whatever the input, the answer is never a 5xx (nor a dropped connection).
// Deterministic: the seed is fixed (FUZZ_SEED overrides it) and printed with every failure.

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const RUNS_PER_ROLE = Number(process.env.FUZZ_RUNS ?? 6);

interface Attempt {
  role: string;
  method: string;
  url: string;
  body?: string;
}

interface Failure extends Attempt {
  seed: number;
  status: number | string;
  answer: string;
}

/** `tickets` for /api/v1/tickets/{id}/messages. */
const collectionOf = (op: Operation) => op.path.replace(`${API}/`, '').split('/')[0];

const short = (text: string, max = 300) => (text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);

describe('fuzzing every route', () => {
  let product: TestProduct;
  let admin: ApiClient;
  let doc: OpenApiDocument;
  const tokens: Record<string, string | null> = {};
  /** Ids of things that exist, so generated requests also reach the code behind the lookups. */
  const ids: string[] = [];
  const ticketNumbers: string[] = [];
  /** The id of the thing made above for each collection (`queues`, `tickets`…). */
  const idOf: Record<string, string> = {};
  /** A body each operation accepts (as far as validation goes), to break one field of at a time. */
  const validBodies: Record<string, object> = {};

  beforeAll(async () => {
    product = await startProduct();
    admin = await asAdmin(product);
    tokens.admin = (await fetchJson('POST', '/auth/login', null, product.admin)).accessToken as string;
    const agent = await createUser(product, admin, { email: 'fuzz-agent@okienko.test', name: 'Fuzz Agent', role: 'agent' });
    tokens.agent = (await fetchJson('POST', '/auth/login', null, { email: agent.email, password: agent.password })).accessToken as string;
    tokens.anonymous = null;

    // Things to point path parameters at (the fuzzing users themselves are left out, so they keep working).
    const fixtures: [string, string, object][] = [
      ['users', '/users', { email: 'fuzz-victim@okienko.test', name: 'Victim', password: 'Victim-password-1', role: 'agent' }],
      ['queues', '/queues', { name: 'Fuzz queue' }],
      ['categories', '/categories', { name: 'Fuzz category' }],
      ['customers', '/customers', { email: 'fuzz-customer@example.pl', name: 'Fuzz Customer' }],
      ['templates', '/templates', { title: 'Fuzz template', body: 'Dzień dobry {{customer.name}}' }],
      ['saved-views', '/saved-views', { name: 'Fuzz view', filters: { status: ['open'] } }],
      ['inbound-addresses', '/inbound-addresses', { address: 'fuzz@okienko.test' }],
      ['calendars', '/calendars', { name: 'Fuzz calendar', timeZone: 'Europe/Warsaw', weeklyPeriods: [{ day: 1, start: '08:00', end: '16:00' }] }],
      ['sla-policies', '/sla-policies', { name: 'Fuzz policy', firstResponse: { minutes: 60, mode: 'calendar' } }],
      ['rules', '/rules', {
        name: 'Fuzz rule', trigger: 'ticket_created',
        conditions: { match: 'all', conditions: [{ field: 'subject', operator: 'contains', value: 'fuzz' }] },
        actions: [{ type: 'set_priority', priority: 'high' }, { type: 'add_tag', tag: 'fuzz' }, { type: 'remove_tag', tag: 'spam' }],
      }],
      ['api-tokens', '/api-tokens', { name: 'Fuzz token' }],
      ['tickets', '/tickets', { subject: 'Fuzz ticket', customer: { email: 'fuzz-customer@example.pl' }, message: { body: 'Dzień dobry' } }],
    ];
    for (const [, path, body] of fixtures) validBodies[`POST ${API}${path}`] = body;
    Object.assign(validBodies, {
      [`POST ${API}/tickets/{id}/messages`]: { type: 'note', body: 'Notatka' },
      [`POST ${API}/rules/dry-run`]: { rule: fixtures.find(([c]) => c === 'rules')![2], sample: { subject: 'Awaria', body: 'Nie działa', from: 'jan@example.pl' } },
      [`POST ${API}/rules/{id}/dry-run`]: { sample: { subject: 'Awaria', body: 'Nie działa', from: 'jan@example.pl' } },
      [`POST ${API}/templates/preview`]: { body: 'Dzień dobry {{customer.name}}' },
      [`POST ${API}/auth/login`]: { email: 'nobody@example.pl', password: 'Wrong-password-1' },
      [`POST ${API}/sla-policies/match`]: { priority: 'high' },
      [`PUT ${API}/tickets/{id}/presence`]: { state: 'viewing' },
    });
    for (const [collection, path, body] of fixtures) {
      const res = await admin.post(path, body);
      if (res.status !== 201 || typeof res.body.id !== 'string') continue;
      idOf[collection] = res.body.id as string;
      ids.push(res.body.id as string);
      if (collection === 'tickets') ticketNumbers.push(res.body.number as string);
    }
    validBodies[`POST ${API}/tickets/bulk`] = { ticketIds: [idOf.tickets], changes: { priority: 'high' } };
    expect(Object.keys(idOf).sort()).toEqual(fixtures.map(([collection]) => collection).sort());

    const docs = await fetch(`${product.baseUrl}/api/docs-json`);
    expect(docs.status).toBe(200);
    doc = (await docs.json()) as OpenApiDocument;
  }, 120_000);

  afterAll(async () => {
    await product?.close();
  });

  async function fetchJson(method: string, path: string, token: string | null, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${product.baseUrl}${API}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await res.json()) as Record<string, unknown>;
  }

  /** Sends one request; answers the failure if the status is 5xx or there is no answer at all. */
  async function attempt(a: Attempt, contentType = 'application/json'): Promise<Failure | null> {
    const token = tokens[a.role];
    let status: number | string;
    let answer = '';
    try {
      const res = await fetch(`${product.baseUrl}${a.url}`, {
        method: a.method,
        headers: { ...(a.body !== undefined ? { 'content-type': contentType } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: a.body,
        redirect: 'manual',
      });
      status = res.status;
      // A live stream never ends: its headers are the answer.
      if ((res.headers.get('content-type') ?? '').startsWith('text/event-stream')) await res.body?.cancel();
      else answer = await res.text();
    } catch (error) {
      status = `no answer: ${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? '')}`;
    }
    if (typeof status === 'number' && status < 500) return null;
    return { seed: SEED, ...a, url: short(a.url), body: a.body === undefined ? undefined : short(a.body), status, answer: short(answer) };
  }

  /** A path parameter: mostly the id of the thing the route is about, else other ids, numbers and garbage. */
  const pathValue = (op: Operation, param: Parameter): fc.Arbitrary<string> => {
    const collection = collectionOf(op);
    const own = param.name === 'id' && idOf[collection] ? [idOf[collection]] : ids;
    return fc.oneof(
      { arbitrary: fc.constantFrom(...own), weight: 8 },
      { arbitrary: fc.constantFrom(...(collection === 'tickets' && param.name === 'id' ? ticketNumbers : ids)), weight: 2 },
      { arbitrary: fc.uuid(), weight: 1 },
      { arbitrary: fc.constantFrom('1999-000001', '2026-0000000000000000000001', '0', 'me', 'none', 'order', 'dry-run'), weight: 1 },
      { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 3 },
      { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
    );
  };

  const queryValue = (param: Parameter): fc.Arbitrary<string | string[]> => {
    const fitting = valueOf(param.schema ?? { type: 'string' }, doc, ids).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    const bad = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 20 }), fc.constantFrom(...ids));
    return fc.oneof({ arbitrary: fitting, weight: 3 }, { arbitrary: bad, weight: 3 }, { arbitrary: fc.array(fc.oneof(fitting, bad), { minLength: 2, maxLength: 3 }), weight: 1 });
  };

  /** One request to `op`, generated: path and query parameters, and (when it takes one) a body. */
  function requestsFor(op: Operation): fc.Arbitrary<{ url: string; body?: string }> {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const path = fc.tuple(...pathParams.map((p) => pathValue(op, p))).map((values) =>
      pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, encodeLoosely(values[i])), op.path),
    );
    const queryModel: Record<string, fc.Arbitrary<string | string[]>> = {};
    for (const p of queryParams) queryModel[p.name] = queryValue(p);
    const query = fc
      .tuple(fc.record(queryModel, { requiredKeys: [] }), fc.option(fc.tuple(fc.constantFrom('extra', '\u0000', 'limit[]'), fc.constantFrom(...NASTY_STRINGS)), { freq: 5 }))
      .map(([params, extra]) => {
        const pairs = Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x ?? '']));
        if (extra) pairs.push(extra);
        return pairs.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join('&');
      });
    const body: fc.Arbitrary<string | undefined> = op.body
      ? fc.oneof(
          { arbitrary: valueOf(op.body, doc, ids), weight: 2 },
          { arbitrary: mutated(valueOf(op.body, doc, ids)), weight: 6 },
        ).map((value) => JSON.stringify(value))
      : op.method === 'GET' ? fc.constant(undefined) : fc.option(fc.constantFrom('{}', '{"x":1}', 'null'), { freq: 4, nil: undefined });
    const rawBody = fc.constantFrom('{"subject": "Zwrot", ', '"text"', '12', 'null', '[]', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '{"a":"\u0000"}', '');
    return fc.record({
      url: fc.tuple(path, query).map(([p, q]) => (q ? `${p}?${q}` : p)),
      body: op.body ? fc.oneof({ arbitrary: body, weight: 9 }, { arbitrary: rawBody, weight: 1 }) : body,
    });
  }

  it('answers no request with a 5xx, whoever sends it', async () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(80);
    const failures: Failure[] = [];
    let sent = 0;

    for (const [index, op] of operations.entries()) {
      const samples = fc.sample(requestsFor(op), { seed: SEED + index, numRuns: RUNS_PER_ROLE * 3 });
      for (const [n, sample] of samples.entries()) {
        const role = ['admin', 'agent', 'anonymous'][n % 3];
        const failure = await attempt({ role, method: op.method, ...sample });
        sent++;
        if (failure) failures.push(failure);
      }
    }

    // Every field of every body, broken one at a time (null, NUL, half a surrogate pair, a wrong type), as an administrator.
    for (const [index, op] of operations.entries()) {
      if (!op.body) continue;
      const url = op.path.replace(/\{[^}]+\}/g, (name) => (name === '{id}' ? idOf[collectionOf(op)] ?? ids[0] : randomUUID()));
      const base = validBodies[`${op.method} ${op.path}`] ?? (op.method === 'POST' ? sampleBody(op.body, doc, ids, SEED + index) : {});
      for (const body of eachFieldBroken(base, op.body, doc)) {
        const failure = await attempt({ role: 'admin', method: op.method, url, body: JSON.stringify(body) });
        sent++;
        if (failure) failures.push(failure);
      }
    }

    // Very large and very deep bodies, once per operation that takes a body, signed out (nothing should parse them at length).
    const deep = '['.repeat(1_500_000) + ']'.repeat(1_500_000);
    const deepSmall = JSON.stringify(nested(200));
    const huge = JSON.stringify({ name: 'x'.repeat(1_200_000) });
    for (const op of operations.filter((o) => o.body)) {
      const url = op.path.replace(/\{[^}]+\}/g, idOf[collectionOf(op)] ?? randomUUID());
      for (const [role, body] of [['anonymous', deep], ['admin', deepSmall], ['admin', huge]] as const) {
        const failure = await attempt({ role, method: op.method, url, body });
        sent++;
        if (failure) failures.push(failure);
      }
    }

    // The largest legitimate body: a message with attachments of several MB.
    const contentBase64 = Buffer.alloc(6 * 1024 * 1024, 1).toString('base64');
    const withAttachment = JSON.stringify({
      type: 'note', body: 'Załączniki', attachments: [{ filename: 'skan.pdf', contentType: 'application/pdf', contentBase64 }],
    });
    for (const role of ['admin', 'agent', 'anonymous']) {
      const failure = await attempt({ role, method: 'POST', url: `${API}/tickets/${idOf.tickets}/messages`, body: withAttachment });
      sent++;
      if (failure) failures.push(failure);
    }

    // The customers' survey page (HTML, outside the OpenAPI document): odd links and odd form bodies.
    for (const token of NASTY_STRINGS) {
      for (const method of ['GET', 'POST']) {
        const body = method === 'POST' ? `score=5&comment=${encodeLoosely(token)}` : undefined;
        const failure = await attempt({ role: 'anonymous', method, url: `/survey/${encodeLoosely(token) || 'x'}`, body }, 'application/x-www-form-urlencoded');
        sent++;
        if (failure) failures.push(failure);
      }
    }

    // Still up, and still answering.
    expect((await fetch(`${product.baseUrl}/api/health`)).status).toBe(200);
    expect(sent).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
  }, 600_000);
});
