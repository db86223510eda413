import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum ApiTokensErrorCode {
  NotFound = 'API_TOKEN_NOT_FOUND',
}

export class ApiTokensException extends AppException<ApiTokensErrorCode> {
  constructor(code: ApiTokensErrorCode, message: string) {
    super(code, ErrorKind.NotFound, message);
  }
}
