import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum ChannelsErrorCode {
  ChannelNotFound = 'CHANNEL_NOT_FOUND',
  /** E-mail channels mirror the inbound addresses: they are changed and removed through /inbound-addresses. */
  ManagedByInboundAddress = 'CHANNEL_MANAGED_BY_INBOUND_ADDRESS',
  /** A reply's `channelId` is not one of the ticket's reply targets. */
  NotAReplyTarget = 'CHANNEL_NOT_A_REPLY_TARGET',
}

const KIND: Record<ChannelsErrorCode, ErrorKind> = {
  [ChannelsErrorCode.ChannelNotFound]: ErrorKind.NotFound,
  [ChannelsErrorCode.ManagedByInboundAddress]: ErrorKind.Conflict,
  [ChannelsErrorCode.NotAReplyTarget]: ErrorKind.Invalid,
};

export class ChannelsException extends AppException<ChannelsErrorCode> {
  /** `field`: the request field at fault, named in `details.fields` (then the answer is a 400). */
  constructor(code: ChannelsErrorCode, message: string, field?: string) {
    const kind = field && KIND[code] === ErrorKind.NotFound ? ErrorKind.Invalid : KIND[code];
    super(code, kind, message, field ? { fields: [{ field, errors: [message] }] } : {});
  }
}
