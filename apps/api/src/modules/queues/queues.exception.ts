import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum QueuesErrorCode {
  QueueNotFound = 'QUEUE_NOT_FOUND',
  CategoryNotFound = 'CATEGORY_NOT_FOUND',
  QueueNameTaken = 'QUEUE_NAME_TAKEN',
  QueueSlugTaken = 'QUEUE_SLUG_TAKEN',
  CategoryNameTaken = 'CATEGORY_NAME_TAKEN',
  CategorySlugTaken = 'CATEGORY_SLUG_TAKEN',
  /** The default queue cannot be deleted or stop being the default; make another queue the default instead. */
  DefaultQueue = 'QUEUE_IS_DEFAULT',
  /** A member or lead named in the request is not a user. */
  UserNotFound = 'QUEUE_USER_NOT_FOUND',
  /** No slug was given and none can be made from the name. */
  SlugRequired = 'SLUG_REQUIRED',
}

const KIND: Record<QueuesErrorCode, ErrorKind> = {
  [QueuesErrorCode.QueueNotFound]: ErrorKind.NotFound,
  [QueuesErrorCode.CategoryNotFound]: ErrorKind.NotFound,
  [QueuesErrorCode.QueueNameTaken]: ErrorKind.Conflict,
  [QueuesErrorCode.QueueSlugTaken]: ErrorKind.Conflict,
  [QueuesErrorCode.CategoryNameTaken]: ErrorKind.Conflict,
  [QueuesErrorCode.CategorySlugTaken]: ErrorKind.Conflict,
  [QueuesErrorCode.DefaultQueue]: ErrorKind.Conflict,
  [QueuesErrorCode.UserNotFound]: ErrorKind.Invalid,
  [QueuesErrorCode.SlugRequired]: ErrorKind.Invalid,
};

export class QueuesException extends AppException<QueuesErrorCode> {
  /**
   * `field`: the request field at fault, named in `details.fields`. A queue or
   * category that does not exist is a 404 when the path names it, and a 400
   * when a field of the request does (e.g. a ticket's `queueId`): then the
   * request is at fault, not the address.
   */
  constructor(code: QueuesErrorCode, message: string, field?: string) {
    const kind = field && KIND[code] === ErrorKind.NotFound ? ErrorKind.Invalid : KIND[code];
    super(code, kind, message, field ? { fields: [{ field, errors: [message] }] } : {});
  }
}
