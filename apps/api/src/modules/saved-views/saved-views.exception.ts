import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum SavedViewsErrorCode {
  NotFound = 'SAVED_VIEW_NOT_FOUND',
  /** Changing a view of someone else, sharing without being an admin, or saving without a signed-in user. */
  Forbidden = 'SAVED_VIEW_FORBIDDEN',
  NameTaken = 'SAVED_VIEW_NAME_TAKEN',
}

const KIND: Record<SavedViewsErrorCode, ErrorKind> = {
  [SavedViewsErrorCode.NotFound]: ErrorKind.NotFound,
  [SavedViewsErrorCode.Forbidden]: ErrorKind.Forbidden,
  [SavedViewsErrorCode.NameTaken]: ErrorKind.Conflict,
};

export class SavedViewsException extends AppException<SavedViewsErrorCode> {
  /** `field`: the request field at fault, named in `details.fields`. */
  constructor(code: SavedViewsErrorCode, message: string, field?: string) {
    super(code, KIND[code], message, field ? { fields: [{ field, errors: [message] }] } : {});
  }
}
