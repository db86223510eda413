import fc from 'fast-check';

// Request generators for fuzzing the API from its own OpenAPI document: bodies
// shaped like each operation's request schema (so they get past the first
// check and reach deeper), then broken in one place with the kinds of input
// that used to crash routes: null, wrong types, NUL characters, unpaired
// surrogates, very long strings, numbers out of range, deep nesting, unknown fields.

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  example?: unknown;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: Schema | null;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      })),
  );
}

/** Strings that are hard on a server: NUL, unpaired surrogates, huge, odd encodings, injection-shaped. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '😀',
  'x'.repeat(100_000),
  '%',
  '%00',
  '%FF',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '{{ticket.number}}',
  '\\',
  'null',
  '-1',
  '1e400',
  '2026-02-30',
  'jan@',
  'a@\ud800.pl',
  '\u0000@example.pl',
  'ñ'.repeat(300),
  '\u202e\u200b',
];

const nastyString = fc.constantFrom(...NASTY_STRINGS);

const outOfRange = fc.constantFrom(0, -1, 1.5, -0.0001, 2 ** 31, 2 ** 53 + 1, -(2 ** 63), 1e308, -1e308);

/** JSON values that are the wrong thing almost anywhere. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  nastyString,
  outOfRange,
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constant([null]),
  fc.constant({ $ne: 1 }),
  fc.integer({ min: 60, max: 70 }).map((depth) => nested(depth)),
);

/** A value broken the way that most often got past validation: null, text with NUL or half a surrogate pair, a wrong type. */
function brokenVersionOf(value: unknown): fc.Arbitrary<unknown> {
  const text = typeof value === 'string' ? value : 'jan@example.pl';
  return fc.oneof(
    { arbitrary: fc.constant(null), weight: 4 },
    { arbitrary: fc.constantFrom(`${text}\u0000`, `\u0000${text}`, `${text}\ud800`, `\udfff${text}`, text.replace('@', '\ud83d@')), weight: 4 },
    { arbitrary: fc.constantFrom(typeof value === 'number' ? String(value) : 42, [value], { value }), weight: 1 },
    { arbitrary: outOfRange, weight: 1 },
    { arbitrary: nastyValue, weight: 2 },
  );
}

/** `depth` arrays inside one another around a string. */
export function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

function resolve(schema: Schema, doc: OpenApiDocument): Schema {
  let current = schema;
  for (let i = 0; i < 10 && current.$ref; i++) {
    current = { ...doc.components?.schemas?.[current.$ref.replace('#/components/schemas/', '')], nullable: current.nullable };
  }
  if (current.allOf?.length === 1) return { ...resolve(current.allOf[0], doc), nullable: current.nullable };
  return current;
}

/** Values that fit `schema` (mostly: the server refuses what its own checks refuse), ids picked from `ids` where it wants a UUID. */
export function valueOf(schemaIn: Schema, doc: OpenApiDocument, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(schemaIn, doc);
  const examples = schema.example !== undefined ? [fc.constant(schema.example)] : [];
  const withNull = (arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    schema.nullable ? fc.oneof({ arbitrary: arb, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 }) : arb;
  if (schema.enum?.length) return withNull(fc.constantFrom(...schema.enum));
  switch (schema.type) {
    case 'string': {
      const example = typeof schema.example === 'string' ? schema.example : '';
      const base =
        schema.format === 'uuid' ? fc.oneof(fc.constantFrom(...ids), fc.uuid())
        : schema.format === 'date-time' ? fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
        : schema.format === 'email' || /^[^@\s]+@[^@\s]+$/.test(example) ? fc.stringMatching(/^[a-z][a-z0-9.]{1,12}$/).map((local) => `${local}@example.pl`)
        : fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{2,15}$/), fc.string({ maxLength: Math.min(schema.maxLength ?? 30, 30) }));
      return withNull(fc.oneof(base, ...examples));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1000;
      const max = Math.max(min, schema.maximum ?? 1000);
      const base = schema.type === 'integer' ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
      return withNull(fc.oneof(base, ...examples));
    }
    case 'boolean':
      return withNull(fc.boolean());
    case 'array': {
      const items = depth > 4 ? fc.constant('x') : valueOf(schema.items ?? {}, doc, ids, depth + 1);
      return withNull(fc.oneof(fc.array(items, { maxLength: Math.min(schema.maxItems ?? 3, 3) }), ...examples));
    }
    default: {
      if (schema.properties && depth <= 4) {
        const model: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, property] of Object.entries(schema.properties)) model[key] = valueOf(property, doc, ids, depth + 1);
        const record = fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in model) });
        return withNull(fc.oneof({ arbitrary: record, weight: 3 }, ...examples.map((arbitrary) => ({ arbitrary, weight: 1 }))));
      }
      if (examples.length) return withNull(fc.oneof(examples[0], fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 })));
      return withNull(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }));
    }
  }
}

type Json = unknown;

/** Every place in a JSON value: the paths to its object properties and array items. */
function pathsOf(value: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (Array.isArray(value)) value.forEach((item, i) => { out.push([...at, i]); pathsOf(item, [...at, i], out); });
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) { out.push([...at, key]); pathsOf(item, [...at, key], out); }
  }
  return out;
}

function valueAt(value: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json> | null | undefined)?.[key], value);
}

function setAt(value: Json, path: (string | number)[], replacement: Json | typeof REMOVE): Json {
  if (path.length === 0) return replacement === REMOVE ? {} : replacement;
  const copy: Json = Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) };
  const [head, ...rest] = path;
  const container = copy as Record<string | number, Json>;
  if (rest.length === 0 && replacement === REMOVE) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete container[head];
  } else {
    container[head] = setAt(container[head], rest, replacement);
  }
  return copy;
}

const REMOVE = Symbol('remove');

/** The body, broken in one place: a value replaced by a nasty one, removed, or an unknown field added. */
export function mutated(body: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return body.chain((value) => {
    const paths = pathsOf(value);
    const replace = paths.length
      ? fc.constantFrom(...paths).chain((path) => brokenVersionOf(valueAt(value, path)).map((broken) => setAt(value, path, broken)))
      : nastyValue;
    const remove = paths.length ? fc.constantFrom(...paths).map((path) => setAt(value, path, REMOVE)) : fc.constant(value);
    const extra = fc.tuple(fc.constantFrom('extra', '\u0000', '\ud800', 'constructor', '__proto__'), nastyValue).map(([key, nasty]) =>
      typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, [key]: nasty } : value,
    );
    return fc.oneof({ arbitrary: replace, weight: 6 }, { arbitrary: remove, weight: 2 }, { arbitrary: extra, weight: 1 }, { arbitrary: nastyValue, weight: 1 });
  });
}

/** The values each field is broken with, one at a time, in `eachFieldBroken`. */
const BREAKERS: readonly ((value: unknown) => unknown)[] = [
  () => null,
  (value) => `${typeof value === 'string' ? value : 'x'}\u0000`,
  (value) => `\ud800${typeof value === 'string' ? value : 'x@example.pl'}`,
  // A wrong type, or for a number one past what a 32-bit column holds.
  (value) => (typeof value === 'string' || typeof value === 'number' ? 2 ** 31 : 'x'),
];

/**
 * `body` once for every place in it (object properties and array items, at
 * any depth) and every top-level property its schema documents, each with
 * every breaker: set to null, text with NUL, text with half a surrogate pair,
 * a value of the wrong type (or a number past 32 bits).
 */
export function eachFieldBroken(body: unknown, schema: Schema, doc: OpenApiDocument): unknown[] {
  const documented = Object.keys(resolve(schema, doc).properties ?? {}).map((key) => [key]);
  const present = pathsOf(body).filter((path) => !(path.length === 1 && documented.some(([key]) => key === path[0])));
  return [...documented, ...present].flatMap((path) => BREAKERS.map((breaker) => setAt(body, path, breaker(valueAt(body, path)))));
}

/** A body for `schema` with every top-level property it documents. */
export function sampleBody(schema: Schema, doc: OpenApiDocument, ids: readonly string[], seed: number): unknown {
  const full = resolve(schema, doc);
  const everyKey = full.properties ? { ...full, required: Object.keys(full.properties) } : full;
  return fc.sample(valueOf(everyKey, doc, ids), { seed, numRuns: 1 })[0];
}

/** Percent-encodes any string, an unpaired surrogate as the bytes it would be in CESU-8 (invalid UTF-8), as a broken client sends it. */
export function encodeLoosely(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}
