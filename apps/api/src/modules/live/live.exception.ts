import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum LiveErrorCode {
  PresenceNeedsUser = 'PRESENCE_NEEDS_USER',
}

const KIND: Record<LiveErrorCode, ErrorKind> = {
  [LiveErrorCode.PresenceNeedsUser]: ErrorKind.Invalid,
};

export class LiveException extends AppException<LiveErrorCode> {
  constructor(code: LiveErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
