import { AppException } from '../../core/errors/app-exception.js';
import { ErrorKind } from '../../core/errors/error-kind.js';

export enum ChatErrorCode {
  ChannelNotFound = 'CHAT_CHANNEL_NOT_FOUND',
  SessionNotFound = 'CHAT_SESSION_NOT_FOUND',
  TokenInvalid = 'CHAT_TOKEN_INVALID',
  SessionEnded = 'CHAT_SESSION_ENDED',
  Taken = 'CHAT_TAKEN',
  NotYours = 'CHAT_NOT_YOURS',
  NoTicket = 'CHAT_WITHOUT_MESSAGES',
  FileInvalid = 'CHAT_FILE_INVALID',
  AgentNotFound = 'CHAT_AGENT_NOT_FOUND',
  FileNotFound = 'CHAT_FILE_NOT_FOUND',
}

const KIND: Record<ChatErrorCode, ErrorKind> = {
  [ChatErrorCode.ChannelNotFound]: ErrorKind.NotFound,
  [ChatErrorCode.SessionNotFound]: ErrorKind.NotFound,
  [ChatErrorCode.TokenInvalid]: ErrorKind.Unauthorized,
  [ChatErrorCode.SessionEnded]: ErrorKind.Gone,
  [ChatErrorCode.Taken]: ErrorKind.Conflict,
  [ChatErrorCode.NotYours]: ErrorKind.Conflict,
  [ChatErrorCode.NoTicket]: ErrorKind.Conflict,
  [ChatErrorCode.FileInvalid]: ErrorKind.Invalid,
  [ChatErrorCode.AgentNotFound]: ErrorKind.Invalid,
  [ChatErrorCode.FileNotFound]: ErrorKind.NotFound,
};

export class ChatException extends AppException<ChatErrorCode> {
  constructor(code: ChatErrorCode, message: string, field?: string, details: Record<string, unknown> = {}) {
    super(code, KIND[code], message, field ? { ...details, fields: [{ field, errors: [message] }] } : details);
  }
}
