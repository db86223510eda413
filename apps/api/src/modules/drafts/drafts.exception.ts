import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum DraftsErrorCode {
  NeedsUser = 'DRAFT_NEEDS_USER',
}

export class DraftsException extends AppException<DraftsErrorCode> {
  constructor(code: DraftsErrorCode, message: string) {
    super(code, ErrorKind.Invalid, message);
  }
}
