import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum PhoneErrorCode {
  ChannelNotFound = 'PHONE_CHANNEL_NOT_FOUND',
  CallNotFound = 'CALL_NOT_FOUND',
  InvalidEvent = 'CTI_EVENT_INVALID',
  CustomerRequired = 'CALL_CUSTOMER_REQUIRED',
  NumberTaken = 'CALL_NUMBER_TAKEN',
  NoCallerNumber = 'CALL_WITHOUT_NUMBER',
  RecordingRefused = 'CALL_RECORDING_REFUSED',
  NoTicket = 'CALL_WITHOUT_TICKET',
}

const KIND: Record<PhoneErrorCode, ErrorKind> = {
  [PhoneErrorCode.ChannelNotFound]: ErrorKind.NotFound,
  [PhoneErrorCode.CallNotFound]: ErrorKind.NotFound,
  [PhoneErrorCode.InvalidEvent]: ErrorKind.Invalid,
  [PhoneErrorCode.CustomerRequired]: ErrorKind.Invalid,
  [PhoneErrorCode.NumberTaken]: ErrorKind.Conflict,
  [PhoneErrorCode.NoCallerNumber]: ErrorKind.Conflict,
  [PhoneErrorCode.RecordingRefused]: ErrorKind.Invalid,
  [PhoneErrorCode.NoTicket]: ErrorKind.Conflict,
};

export class PhoneException extends AppException<PhoneErrorCode> {
  /** `field`: the request field at fault, named in `details.fields`. */
  constructor(code: PhoneErrorCode, message: string, field?: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, field ? { ...details, fields: [{ field, errors: [message] }] } : details);
  }
}
