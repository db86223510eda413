import { BadRequestException } from '@nestjs/common';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** Deepest nesting of arrays and objects a JSON body may have; no request of the API needs more than a handful. */
export const MAX_JSON_DEPTH = 64;

/**
 * The largest JSON body of any request but those carrying a ticket's message:
 * the biggest others (a rule, a template with a 20,000-character body, a
 * reorder of 10,000 ids) stay well under 1 MB.
 */
export const JSON_BODY_LIMIT = '1mb';

/** A message's text (1,000,000 characters), its HTML and its attachments in base64. */
export const MESSAGE_BODY_LIMIT = '10mb';

/** The routes whose body carries a message: creating a ticket, adding a message, trying rules on a sample message. */
const MESSAGE_ROUTES: { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/api\/v1\/tickets\/?$/ },
  { method: 'POST', path: /^\/api\/v1\/tickets\/[^/]+\/messages\/?$/ },
  { method: 'POST', path: /^\/api\/v1\/rules\/(?:[^/]+\/)?dry-run\/?$/ },
];

const JSON_TYPE = 'application/json';

/**
 * How deep a JSON text nests, stopping as soon as it passes `max` (so an
 * endless `[[[[…` costs no more than its first few bytes). Brackets inside
 * strings do not count. Linear in the length of the text.
 */
export function exceedsJsonDepth(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

function refuse(message: string, code: string): BadRequestException {
  return new BadRequestException({ message, details: { code } });
}

/** The JSON text of a request, parsed: an object at the top (every request body of the API is one), nested at most MAX_JSON_DEPTH deep. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') return {};
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
    throw refuse(`The request body nests deeper than ${MAX_JSON_DEPTH} levels`, 'BODY_TOO_DEEP');
  }
  if (text.trimStart()[0] !== '{') throw refuse('The request body must be a JSON object', 'MALFORMED_BODY');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw refuse('The request body is not valid JSON', 'MALFORMED_BODY');
  }
}

/** A request that may carry a message: on its route, and signed in (signed out, nothing larger is read, as it would be refused anyway). */
function mayCarryMessage(request: Request): boolean {
  return request.headers.authorization !== undefined &&
    MESSAGE_ROUTES.some((route) => route.method === request.method && route.path.test(request.path));
}

/**
 * Reads JSON request bodies: up to JSON_BODY_LIMIT (MESSAGE_BODY_LIMIT on the
 * routes that carry a message, when signed in; 413 beyond), refused with 400 when nested
 * deeper than MAX_JSON_DEPTH before JSON.parse or the validation sees them.
 * Other content types are left unread (the handler reads them, if it wants them).
 */
export function jsonBodyParsers(): RequestHandler[] {
  const small = express.text({ type: JSON_TYPE, limit: JSON_BODY_LIMIT, defaultCharset: 'utf-8' });
  const large = express.text({ type: JSON_TYPE, limit: MESSAGE_BODY_LIMIT, defaultCharset: 'utf-8' });
  const read: RequestHandler = (request, response, next) =>
    (mayCarryMessage(request) ? large : small)(request, response, next);
  const parse = (request: Request, _response: Response, next: NextFunction): void => {
    if (typeof request.body !== 'string') return next();
    try {
      // The text as received, for routes that check a signature over it (the API channel's inbound messages).
      (request as Request & { rawBody?: string }).rawBody = request.body;
      request.body = parseJsonText(request.body);
      next();
    } catch (error) {
      next(error);
    }
  };
  return [read, parse];
}
