import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum WebFormsErrorCode {
  FormNotFound = 'FORM_NOT_FOUND',
  /** The page embedding the form is not on the form's allowed origins. */
  OriginNotAllowed = 'FORM_ORIGIN_NOT_ALLOWED',
  SubmissionNotFound = 'FORM_SUBMISSION_NOT_FOUND',
  StatusLinkNotFound = 'STATUS_LINK_NOT_FOUND',
  /** Revoked, or its ticket was closed longer ago than STATUS_LINK_DAYS_AFTER_CLOSE. */
  StatusLinkGone = 'STATUS_LINK_GONE',
  TicketNotFound = 'TICKET_NOT_FOUND',
  NotAFormTicket = 'TICKET_NOT_FROM_A_FORM',
  RateLimited = 'RATE_LIMITED',
}

const KIND: Record<WebFormsErrorCode, ErrorKind> = {
  [WebFormsErrorCode.FormNotFound]: ErrorKind.NotFound,
  [WebFormsErrorCode.OriginNotAllowed]: ErrorKind.Forbidden,
  [WebFormsErrorCode.SubmissionNotFound]: ErrorKind.NotFound,
  [WebFormsErrorCode.StatusLinkNotFound]: ErrorKind.NotFound,
  [WebFormsErrorCode.StatusLinkGone]: ErrorKind.Gone,
  [WebFormsErrorCode.TicketNotFound]: ErrorKind.NotFound,
  [WebFormsErrorCode.NotAFormTicket]: ErrorKind.Conflict,
  [WebFormsErrorCode.RateLimited]: ErrorKind.TooManyRequests,
};

export class WebFormsException extends AppException<WebFormsErrorCode> {
  constructor(code: WebFormsErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
