import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../app.module.js';
import { loadConfig } from '../config/load-config.js';
import { applyRoutePrefix } from './configure-http.js';
import { buildOpenApiDocument } from './swagger.js';

/**
 * The OpenAPI document as committed in docs/openapi.json. Built in Nest's
 * preview mode: the routes and DTOs are read, nothing connects anywhere.
 */
export async function renderOpenApiDocument(): Promise<string> {
  const config = loadConfig({ OKIENKO_ROLES: 'api' }, []);
  const app = await NestFactory.create(AppModule.forRoot(config, 'postgres://preview@127.0.0.1:1/preview'), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  applyRoutePrefix(app);
  const document = buildOpenApiDocument(app);
  await app.close();
  return `${JSON.stringify(document, null, 2)}\n`;
}
