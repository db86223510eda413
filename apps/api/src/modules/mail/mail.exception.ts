import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum MailErrorCode {
  AddressNotFound = 'INBOUND_ADDRESS_NOT_FOUND',
  AddressTaken = 'INBOUND_ADDRESS_TAKEN',
  InboundMailNotFound = 'INBOUND_MAIL_NOT_FOUND',
  AlreadyProcessed = 'INBOUND_MAIL_ALREADY_PROCESSED',
  /** An unknown, malformed or unterminated placeholder in an acknowledgement subject or body. */
  InvalidPlaceholder = 'INBOUND_ADDRESS_INVALID_PLACEHOLDER',
}

const KIND: Record<MailErrorCode, ErrorKind> = {
  [MailErrorCode.AddressNotFound]: ErrorKind.NotFound,
  [MailErrorCode.AddressTaken]: ErrorKind.Conflict,
  [MailErrorCode.InboundMailNotFound]: ErrorKind.NotFound,
  [MailErrorCode.AlreadyProcessed]: ErrorKind.Conflict,
  [MailErrorCode.InvalidPlaceholder]: ErrorKind.Invalid,
};

export class MailException extends AppException<MailErrorCode> {
  constructor(code: MailErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
