import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum TemplatesErrorCode {
  NotFound = 'TEMPLATE_NOT_FOUND',
  SlugTaken = 'TEMPLATE_SLUG_TAKEN',
  /** An unknown, malformed, unterminated or not-yet-available placeholder in a subject or body. */
  InvalidPlaceholder = 'TEMPLATE_INVALID_PLACEHOLDER',
  /** A reply, preview or rule names a template that does not exist or is switched off. */
  Unavailable = 'TEMPLATE_UNAVAILABLE',
  /** A preview or suggestions for a ticket that does not exist (the same code as the tickets' own). */
  TicketNotFound = 'TICKET_NOT_FOUND',
}

const KIND: Record<TemplatesErrorCode, ErrorKind> = {
  [TemplatesErrorCode.NotFound]: ErrorKind.NotFound,
  [TemplatesErrorCode.SlugTaken]: ErrorKind.Conflict,
  [TemplatesErrorCode.InvalidPlaceholder]: ErrorKind.Invalid,
  [TemplatesErrorCode.Unavailable]: ErrorKind.Invalid,
  [TemplatesErrorCode.TicketNotFound]: ErrorKind.NotFound,
};

export class TemplatesException extends AppException<TemplatesErrorCode> {
  constructor(code: TemplatesErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
