import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum CustomersErrorCode {
  NotFound = 'CUSTOMER_NOT_FOUND',
  EmailTaken = 'CUSTOMER_EMAIL_TAKEN',
}

const KIND: Record<CustomersErrorCode, ErrorKind> = {
  [CustomersErrorCode.NotFound]: ErrorKind.NotFound,
  [CustomersErrorCode.EmailTaken]: ErrorKind.Conflict,
};

export class CustomersException extends AppException<CustomersErrorCode> {
  constructor(code: CustomersErrorCode, message: string) {
    super(code, KIND[code], message);
  }
}
