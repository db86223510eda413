/** A field of a request whose text cannot be stored or checked, and why. */
export interface UnsafeTextField {
  field: string;
  errors: string[];
}

const NUL = /\u0000/;
// In a `u` regular expression a surrogate pair reads as one code point, so only unpaired halves match.
const LONE_SURROGATE = /\p{Cs}/u;
const MAX_FIELDS = 20;
const MAX_DEPTH = 100;

function problem(text: string): string | null {
  if (NUL.test(text)) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'must not contain unpaired UTF-16 surrogates';
  return null;
}

/** A key as it can be shown in a message (the bad characters escaped). */
function printable(key: string): string {
  return problem(key) ? JSON.stringify(key).slice(1, -1) : key;
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${key}` : key;
}

/**
 * Every string (and object key) in a request's body, query or path parameter
 * that holds a NUL character (which PostgreSQL cannot store) or half of a
 * UTF-16 surrogate pair (which is no character at all), named by its path,
 * e.g. `customer.name must not contain NUL characters`.
 */
export function findUnsafeText(value: unknown, path = ''): UnsafeTextField[] {
  const found: UnsafeTextField[] = [];
  const visit = (node: unknown, at: string, depth: number): void => {
    if (found.length >= MAX_FIELDS || depth > MAX_DEPTH) return;
    if (typeof node === 'string') {
      const why = problem(node);
      if (why) found.push({ field: at || 'value', errors: [`${at || 'value'} ${why}`] });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, join(at, String(index)), depth + 1));
    } else if (typeof node === 'object' && node !== null && !ArrayBuffer.isView(node)) {
      for (const [key, item] of Object.entries(node)) {
        const field = join(at, printable(key));
        const why = problem(key);
        if (why) found.push({ field, errors: [`${field}: the name ${why}`] });
        else visit(item, field, depth + 1);
      }
    }
  };
  visit(value, path, 0);
  return found;
}
