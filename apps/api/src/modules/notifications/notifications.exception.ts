import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum NotificationsErrorCode {
  NeedsUser = 'NOTIFICATIONS_NEED_USER',
  NothingToMark = 'NOTIFICATIONS_NOTHING_TO_MARK',
}

const KIND: Record<NotificationsErrorCode, ErrorKind> = {
  [NotificationsErrorCode.NeedsUser]: ErrorKind.Invalid,
  [NotificationsErrorCode.NothingToMark]: ErrorKind.Invalid,
};

export class NotificationsException extends AppException<NotificationsErrorCode> {
  constructor(code: NotificationsErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
