import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum QueuesErrorCode {
  QueueNotFound = 'QUEUE_NOT_FOUND',
  CategoryNotFound = 'CATEGORY_NOT_FOUND',
}

export class QueuesException extends AppException<QueuesErrorCode> {
  constructor(code: QueuesErrorCode, message: string, field: string) {
    // Raised when a request names a queue or category that does not exist: the request is at fault.
    super(code, ErrorKind.Invalid, message, { fields: [{ field, errors: [message] }] });
  }
}
