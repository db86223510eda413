import { type INestApplication, RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '../config/app-config.js';
import { createValidationPipe } from '../errors/validation-pipe.js';
import { requestIdMiddleware } from '../logging/request-id.middleware.js';
import { jsonBodyParsers } from './json-body.middleware.js';
import { securityHeaders } from './security-headers.js';
import { spaHandlers } from './serve-spa.js';
import { mountSwagger } from './swagger.js';

/** Everything about the HTTP surface that is not a controller. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(securityHeaders);
  for (const parser of jsonBodyParsers()) app.use(parser);
  applyRoutePrefix(app);
  app.useGlobalPipes(createValidationPipe());
  mountSwagger(app);
  for (const handler of spaHandlers(config.webDistDir)) app.use(handler);
}

/**
 * Every resource lives under /api/v1; health stays at /api/health for load
 * balancers, and the customers' survey pages at /survey/<token> (the link in their mail).
 */
export function applyRoutePrefix(app: INestApplication): void {
  app.setGlobalPrefix('api/v1', {
    exclude: [
      { path: 'api/health', method: RequestMethod.GET },
      { path: 'survey/:token', method: RequestMethod.GET },
      { path: 'survey/:token', method: RequestMethod.POST },
    ],
  });
}
