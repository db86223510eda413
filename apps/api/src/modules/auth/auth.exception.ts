import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum AuthErrorCode {
  BadCredentials = 'AUTH_BAD_CREDENTIALS',
  MissingToken = 'AUTH_MISSING_TOKEN',
  InvalidToken = 'AUTH_INVALID_TOKEN',
  Forbidden = 'AUTH_FORBIDDEN',
  TooManyAttempts = 'AUTH_TOO_MANY_ATTEMPTS',
}

const KIND: Record<AuthErrorCode, ErrorKind> = {
  [AuthErrorCode.BadCredentials]: ErrorKind.Unauthorized,
  [AuthErrorCode.MissingToken]: ErrorKind.Unauthorized,
  [AuthErrorCode.InvalidToken]: ErrorKind.Unauthorized,
  [AuthErrorCode.Forbidden]: ErrorKind.Forbidden,
  [AuthErrorCode.TooManyAttempts]: ErrorKind.TooManyRequests,
};

export class AuthException extends AppException<AuthErrorCode> {
  constructor(code: AuthErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
