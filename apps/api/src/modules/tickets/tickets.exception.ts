import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum TicketsErrorCode {
  NotFound = 'TICKET_NOT_FOUND',
  InvalidTransition = 'TICKET_INVALID_TRANSITION',
  AssigneeNotFound = 'TICKET_ASSIGNEE_NOT_FOUND',
  AssigneeMeWithoutUser = 'TICKET_ASSIGNEE_ME_WITHOUT_USER',
  AttachmentNotFound = 'ATTACHMENT_NOT_FOUND',
}

const KIND: Record<TicketsErrorCode, ErrorKind> = {
  [TicketsErrorCode.NotFound]: ErrorKind.NotFound,
  [TicketsErrorCode.InvalidTransition]: ErrorKind.Conflict,
  [TicketsErrorCode.AssigneeNotFound]: ErrorKind.Invalid,
  [TicketsErrorCode.AssigneeMeWithoutUser]: ErrorKind.Invalid,
  [TicketsErrorCode.AttachmentNotFound]: ErrorKind.NotFound,
};

export class TicketsException extends AppException<TicketsErrorCode> {
  constructor(code: TicketsErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
