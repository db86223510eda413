import { ValidateBy, type ValidationOptions } from 'class-validator';

const ALPHABET = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') ALPHABET[c.charCodeAt(0)] = 1;

/**
 * Standard base64 (RFC 4648, with padding, no line breaks), checked in one
 * pass: validator.js's `isBase64` runs a regular expression that exhausts
 * the stack on an attachment of a few megabytes.
 */
export function isBase64Content(value: unknown): boolean {
  if (typeof value !== 'string' || value.length % 4 !== 0) return false;
  const padding = value.endsWith('==') ? 2 : value.endsWith('=') ? 1 : 0;
  const end = value.length - padding;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c >= 128 || ALPHABET[c] === 0) return false;
  }
  return true;
}

/** The property is standard base64 (see `isBase64Content`). */
export function IsBase64Content(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isBase64', validator: { validate: isBase64Content, defaultMessage: () => '$property must be base64 encoded' } },
    options,
  );
}
