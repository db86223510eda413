import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { AppException } from './app-exception.js';
import { ErrorKind } from './error-kind.js';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  [ErrorKind.Invalid]: HttpStatus.BAD_REQUEST,
  [ErrorKind.Unauthorized]: HttpStatus.UNAUTHORIZED,
  [ErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorKind.Conflict]: HttpStatus.CONFLICT,
  [ErrorKind.Gone]: HttpStatus.GONE,
  [ErrorKind.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
};

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: Record<string, unknown>;
}

/** `Not Found` → `NOT_FOUND`: the code of an error that no module raised itself. */
function defaultCode(statusCode: number): string {
  return (STATUS_CODES[statusCode] ?? 'Error').toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message: exception.message };
  let details: Record<string, unknown> | undefined;
  if (typeof response === 'object' && response !== null) {
    const { message } = response as { message?: unknown };
    details = (response as { details?: Record<string, unknown> }).details;
    if (typeof message === 'string') body.message = message;
    else if (Array.isArray(message)) body.message = message.join('; ');
  }
  body.details = { code: defaultCode(statusCode), ...details };
  return body;
}

function fromBodyParserError(error: { status: number; type: string }): ErrorBody {
  const [statusCode, message, code] =
    error.type === 'entity.too.large' ? [413, 'The request body is too large', 'BODY_TOO_LARGE']
    : error.type === 'charset.unsupported' || error.type === 'encoding.unsupported'
      ? [415, 'The request body\'s charset or content encoding is not supported', 'UNSUPPORTED_ENCODING']
    : [error.status >= 400 && error.status < 500 ? error.status : 400, 'The request body is not valid JSON', 'MALFORMED_BODY'];
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, details: { code } };
}

/** PostgreSQL's "this text cannot be stored" (a NUL character, a character the encoding lacks). */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

/**
 * A failure that only bad input causes and validation should have caught
 * (a validator tripping over malformed text, text the database cannot store):
 * still the client's error, so a 400, never a 500.
 */
function isInputFault(exception: unknown): boolean {
  if (exception instanceof URIError) return true;
  const driverError = (exception as { driverError?: { code?: unknown } } | null)?.driverError;
  return typeof driverError?.code === 'string' && UNSTORABLE_TEXT.has(driverError.code);
}

/** The one place where failures become HTTP answers of the shape `{ statusCode, error, message, details? }`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request & { id?: string }>();
    let body: ErrorBody;

    if (exception instanceof AppException) {
      const statusCode = STATUS_BY_KIND[exception.kind];
      body = {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: exception.message,
        details: { code: exception.code, ...exception.details },
      };
      const retryAfter = exception.details.retryAfterSeconds;
      if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    } else if (isBodyParserError(exception) || (exception instanceof HttpException && isBodyParserError(exception.cause))) {
      // The JSON body parser's own errors (NestJS may hand them over wrapped in an HttpException).
      body = fromBodyParserError(isBodyParserError(exception) ? exception : (exception as HttpException).cause as { status: number; type: string });
    } else if (exception instanceof HttpException) {
      body = fromHttpException(exception);
    } else if (isInputFault(exception)) {
      body = { statusCode: 400, error: 'Bad Request', message: 'The request holds text that cannot be processed', details: { code: 'INVALID_TEXT' } };
      this.logger.warn(
        { requestId: request.id, method: request.method, url: request.originalUrl, inputFault: (exception as Error).message },
      );
    } else {
      body = { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side', details: { code: 'INTERNAL_ERROR' } };
      this.logger.error(
        { requestId: request.id, method: request.method, url: request.originalUrl, error: (exception as Error)?.stack ?? String(exception) },
      );
    }
    if (request.id && body.statusCode >= 500) body.details = { ...body.details, requestId: request.id };
    response.status(body.statusCode).json(body);
  }
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  return typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { status?: unknown }).status === 'number';
}
