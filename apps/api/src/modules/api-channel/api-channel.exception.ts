import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum ApiChannelErrorCode {
  /** No active API channel has this key. */
  ChannelNotFound = 'CHANNEL_NOT_FOUND',
  SignatureMissing = 'SIGNATURE_MISSING',
  SignatureInvalid = 'SIGNATURE_INVALID',
  /** The webhook-timestamp is more than 5 minutes away from now. */
  SignatureExpired = 'SIGNATURE_EXPIRED',
  AttachmentLinkInvalid = 'ATTACHMENT_LINK_INVALID',
  RateLimited = 'RATE_LIMITED',
}

const KIND: Record<ApiChannelErrorCode, ErrorKind> = {
  [ApiChannelErrorCode.ChannelNotFound]: ErrorKind.NotFound,
  [ApiChannelErrorCode.SignatureMissing]: ErrorKind.Unauthorized,
  [ApiChannelErrorCode.SignatureInvalid]: ErrorKind.Unauthorized,
  [ApiChannelErrorCode.SignatureExpired]: ErrorKind.Unauthorized,
  [ApiChannelErrorCode.AttachmentLinkInvalid]: ErrorKind.NotFound,
  [ApiChannelErrorCode.RateLimited]: ErrorKind.TooManyRequests,
};

export class ApiChannelException extends AppException<ApiChannelErrorCode> {
  constructor(code: ApiChannelErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, details);
  }
}
