import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum UsersErrorCode {
  NotFound = 'USER_NOT_FOUND',
  EmailTaken = 'USER_EMAIL_TAKEN',
  LastAdmin = 'USER_LAST_ADMIN',
  SelfDelete = 'USER_SELF_DELETE',
  SubstituteInvalid = 'USER_SUBSTITUTE_INVALID',
}

const KIND: Record<UsersErrorCode, ErrorKind> = {
  [UsersErrorCode.NotFound]: ErrorKind.NotFound,
  [UsersErrorCode.EmailTaken]: ErrorKind.Conflict,
  [UsersErrorCode.LastAdmin]: ErrorKind.Conflict,
  [UsersErrorCode.SelfDelete]: ErrorKind.Conflict,
  [UsersErrorCode.SubstituteInvalid]: ErrorKind.Invalid,
};

export class UsersException extends AppException<UsersErrorCode> {
  /** `field`: the request field at fault, named in `details.fields`. */
  constructor(code: UsersErrorCode, message: string, field?: string) {
    super(code, KIND[code], message, field ? { fields: [{ field, errors: [message] }] } : {});
  }
}
