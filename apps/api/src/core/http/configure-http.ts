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
      // The chat widget (chat module): its script and its public routes, outside /api/v1.
      { path: 'w/:file', method: RequestMethod.GET },
      { path: 'api/public/chat/:key/status', method: RequestMethod.ALL },
      { path: 'api/public/chat/:key/sessions', method: RequestMethod.ALL },
      { path: 'api/public/chat/:key/offline-messages', method: RequestMethod.ALL },
      { path: 'api/public/chat/sessions/:id/events', method: RequestMethod.ALL },
      { path: 'api/public/chat/sessions/:id/messages', method: RequestMethod.ALL },
      { path: 'api/public/chat/sessions/:id/files', method: RequestMethod.ALL },
      { path: 'api/public/chat/sessions/:id/typing', method: RequestMethod.ALL },
      { path: 'api/public/chat/sessions/:id/end', method: RequestMethod.ALL },
      { path: 'api/public/chat/sessions/:id/files/:eventId', method: RequestMethod.ALL },
      // Web forms and the customers' status pages (web-forms module): public, outside /api/v1.
      { path: 'api/public/forms/:key', method: RequestMethod.ALL },
      { path: 'api/public/forms/:key/submissions', method: RequestMethod.ALL },
      { path: 'api/public/tickets/:token', method: RequestMethod.GET },
      { path: 'api/public/tickets/:token/messages', method: RequestMethod.POST },
      { path: 'api/public/tickets/:token/attachments/:attachmentId', method: RequestMethod.GET },
      { path: 'f/:file', method: RequestMethod.GET },
      { path: 's/:token', method: RequestMethod.GET },
      { path: 's/:token', method: RequestMethod.POST },
    ],
  });
}
