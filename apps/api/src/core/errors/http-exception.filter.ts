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

function fromBodyParserError(error: { status: number }): ErrorBody {
  const statusCode = error.status;
  const tooLarge = statusCode === 413;
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message: tooLarge ? 'The request body is too large' : 'The request body is not valid JSON',
    details: { code: tooLarge ? 'BODY_TOO_LARGE' : 'MALFORMED_BODY' },
  };
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
      body = fromBodyParserError(isBodyParserError(exception) ? exception : (exception as HttpException).cause as { status: number });
    } else if (exception instanceof HttpException) {
      body = fromHttpException(exception);
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
