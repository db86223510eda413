import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const logger = new Logger('http');
const SAFE_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it is sane),
 * echoes it in the response and logs one line per finished request.
 */
export function requestIdMiddleware(request: Request & { id?: string }, response: Response, next: NextFunction): void {
  const incoming = request.header('x-request-id');
  request.id = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', request.id);
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    if (!request.originalUrl.startsWith('/api/')) return;
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.log({
      requestId: request.id,
      method: request.method,
      path: request.originalUrl.split('?')[0],
      status: response.statusCode,
      ms: Math.round(ms * 10) / 10,
    });
  });
  next();
}
