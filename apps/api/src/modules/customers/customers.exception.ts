import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum CustomersErrorCode {
  NotFound = 'CUSTOMER_NOT_FOUND',
  EmailTaken = 'CUSTOMER_EMAIL_TAKEN',
  IdentityTaken = 'CUSTOMER_IDENTITY_TAKEN',
  IdentityInvalid = 'CUSTOMER_IDENTITY_INVALID',
  IdentityNotFound = 'CUSTOMER_IDENTITY_NOT_FOUND',
  Merged = 'CUSTOMER_MERGED',
  MergeInvalid = 'CUSTOMER_MERGE_INVALID',
  MergeNotFound = 'CUSTOMER_MERGE_NOT_FOUND',
  UnmergeExpired = 'CUSTOMER_UNMERGE_EXPIRED',
}

const KIND: Record<CustomersErrorCode, ErrorKind> = {
  [CustomersErrorCode.NotFound]: ErrorKind.NotFound,
  [CustomersErrorCode.EmailTaken]: ErrorKind.Conflict,
  [CustomersErrorCode.IdentityTaken]: ErrorKind.Conflict,
  [CustomersErrorCode.IdentityInvalid]: ErrorKind.Invalid,
  [CustomersErrorCode.IdentityNotFound]: ErrorKind.NotFound,
  [CustomersErrorCode.Merged]: ErrorKind.Conflict,
  [CustomersErrorCode.MergeInvalid]: ErrorKind.Invalid,
  [CustomersErrorCode.MergeNotFound]: ErrorKind.NotFound,
  [CustomersErrorCode.UnmergeExpired]: ErrorKind.Conflict,
};

export class CustomersException extends AppException<CustomersErrorCode> {
  constructor(code: CustomersErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
