import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum UsersErrorCode {
  NotFound = 'USER_NOT_FOUND',
  EmailTaken = 'USER_EMAIL_TAKEN',
  LastAdmin = 'USER_LAST_ADMIN',
  SelfDelete = 'USER_SELF_DELETE',
}

const KIND: Record<UsersErrorCode, ErrorKind> = {
  [UsersErrorCode.NotFound]: ErrorKind.NotFound,
  [UsersErrorCode.EmailTaken]: ErrorKind.Conflict,
  [UsersErrorCode.LastAdmin]: ErrorKind.Conflict,
  [UsersErrorCode.SelfDelete]: ErrorKind.Conflict,
};

export class UsersException extends AppException<UsersErrorCode> {
  constructor(code: UsersErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
