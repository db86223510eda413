import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum TicketRelationsErrorCode {
  MergeIntoItself = 'TICKET_MERGE_INTO_ITSELF',
  AlreadyMerged = 'TICKET_ALREADY_MERGED',
  TargetMerged = 'TICKET_MERGE_TARGET_MERGED',
  SplitMessageNotOnTicket = 'TICKET_SPLIT_MESSAGE_NOT_ON_TICKET',
  SplitAllMessages = 'TICKET_SPLIT_ALL_MESSAGES',
  LinkToItself = 'TICKET_LINK_TO_ITSELF',
  LinkExists = 'TICKET_LINK_EXISTS',
  LinkNotFound = 'TICKET_LINK_NOT_FOUND',
}

const KIND: Record<TicketRelationsErrorCode, ErrorKind> = {
  [TicketRelationsErrorCode.MergeIntoItself]: ErrorKind.Conflict,
  [TicketRelationsErrorCode.AlreadyMerged]: ErrorKind.Conflict,
  [TicketRelationsErrorCode.TargetMerged]: ErrorKind.Conflict,
  [TicketRelationsErrorCode.SplitMessageNotOnTicket]: ErrorKind.Invalid,
  [TicketRelationsErrorCode.SplitAllMessages]: ErrorKind.Invalid,
  [TicketRelationsErrorCode.LinkToItself]: ErrorKind.Conflict,
  [TicketRelationsErrorCode.LinkExists]: ErrorKind.Conflict,
  [TicketRelationsErrorCode.LinkNotFound]: ErrorKind.NotFound,
};

export class TicketRelationsException extends AppException<TicketRelationsErrorCode> {
  constructor(code: TicketRelationsErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }

  /** A 400 naming one field of the body. */
  static field(code: TicketRelationsErrorCode, field: string, message: string, details: Record<string, unknown> = {}): TicketRelationsException {
    return new TicketRelationsException(code, message, { ...details, fields: [{ field, errors: [message] }] });
  }
}
