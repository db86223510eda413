import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum WebhooksErrorCode {
  WebhookNotFound = 'WEBHOOK_NOT_FOUND',
  DeliveryNotFound = 'WEBHOOK_DELIVERY_NOT_FOUND',
  /** The URL cannot be called (not http(s), or a private address while those are not allowed). */
  UrlRefused = 'WEBHOOK_URL_REFUSED',
}

const KIND: Record<WebhooksErrorCode, ErrorKind> = {
  [WebhooksErrorCode.WebhookNotFound]: ErrorKind.NotFound,
  [WebhooksErrorCode.DeliveryNotFound]: ErrorKind.NotFound,
  [WebhooksErrorCode.UrlRefused]: ErrorKind.Invalid,
};

export class WebhooksException extends AppException<WebhooksErrorCode> {
  /** `field`: the request field at fault, named in `details.fields`. */
  constructor(code: WebhooksErrorCode, message: string, field?: string) {
    super(code, KIND[code], message, field ? { fields: [{ field, errors: [message] }] } : {});
  }
}
