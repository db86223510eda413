import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum IntegrationsErrorCode {
  NotFound = 'INTEGRATION_NOT_FOUND',
  InvalidSettings = 'INTEGRATION_INVALID_SETTINGS',
  UnknownQueue = 'INTEGRATION_UNKNOWN_QUEUE',
  /** The pinned order could not be read from the shop. */
  OrderNotFound = 'ORDER_NOT_FOUND',
  /** The shop did not answer (down, timed out, refused the credentials) while an order was being pinned. */
  ShopFailed = 'SHOP_FAILED',
}

const KIND: Record<IntegrationsErrorCode, ErrorKind> = {
  [IntegrationsErrorCode.NotFound]: ErrorKind.NotFound,
  [IntegrationsErrorCode.InvalidSettings]: ErrorKind.Invalid,
  [IntegrationsErrorCode.UnknownQueue]: ErrorKind.Invalid,
  [IntegrationsErrorCode.OrderNotFound]: ErrorKind.NotFound,
  [IntegrationsErrorCode.ShopFailed]: ErrorKind.Conflict,
};

export class IntegrationsException extends AppException<IntegrationsErrorCode> {
  /** `field`: the request field at fault, named in `details.fields` (then the answer is a 400). */
  constructor(code: IntegrationsErrorCode, message: string, field?: string) {
    const kind = field ? ErrorKind.Invalid : KIND[code];
    super(code, kind, message, field ? { fields: [{ field, errors: [message] }] } : {});
  }
}
