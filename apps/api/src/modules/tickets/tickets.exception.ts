import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum TicketsErrorCode {
  NotFound = 'TICKET_NOT_FOUND',
  InvalidTransition = 'TICKET_INVALID_TRANSITION',
  AssigneeNotFound = 'TICKET_ASSIGNEE_NOT_FOUND',
  AssigneeMeWithoutUser = 'TICKET_ASSIGNEE_ME_WITHOUT_USER',
  AttachmentNotFound = 'ATTACHMENT_NOT_FOUND',
  NotWaiting = 'TICKET_NOT_WAITING',
  SnoozeInPast = 'TICKET_SNOOZE_IN_PAST',
  CustomerEmailRequired = 'TICKET_CUSTOMER_EMAIL_REQUIRED',
  InvalidCursor = 'TICKET_LIST_INVALID_CURSOR',
}

const KIND: Record<TicketsErrorCode, ErrorKind> = {
  [TicketsErrorCode.NotFound]: ErrorKind.NotFound,
  [TicketsErrorCode.InvalidTransition]: ErrorKind.Conflict,
  [TicketsErrorCode.AssigneeNotFound]: ErrorKind.Invalid,
  [TicketsErrorCode.AssigneeMeWithoutUser]: ErrorKind.Invalid,
  [TicketsErrorCode.AttachmentNotFound]: ErrorKind.NotFound,
  [TicketsErrorCode.NotWaiting]: ErrorKind.Conflict,
  [TicketsErrorCode.SnoozeInPast]: ErrorKind.Invalid,
  [TicketsErrorCode.CustomerEmailRequired]: ErrorKind.Invalid,
  [TicketsErrorCode.InvalidCursor]: ErrorKind.Invalid,
};

export class TicketsException extends AppException<TicketsErrorCode> {
  constructor(code: TicketsErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
