import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';

const ERROR_REF = { $ref: '#/components/schemas/ErrorResponseDto' };

/**
 * The error answers every route can give, added where a route does not
 * describe them itself: 401 on every secured route, 400 on every route that
 * takes input, 500 everywhere.
 */
function addCommonErrors(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (!operation) continue;
      const responses = operation.responses;
      const json = (description: string) => ({ description, content: { 'application/json': { schema: ERROR_REF } } });
      if (operation.security?.length && !responses['401']) responses['401'] = json('No valid access token or API token');
      if ((operation.requestBody || operation.parameters?.length) && !responses['400']) {
        responses['400'] = json('Invalid input; `details.fields` names each failing field');
      }
      responses['500'] ??= json('Unexpected failure; `details.requestId` identifies it in the logs');
    }
  }
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Okienko API')
    .setDescription(
      'REST API of the Okienko helpdesk. Authenticate with `Authorization: Bearer <token>`, where the token is either ' +
        'an access token from `POST /api/v1/auth/login` or an API token created by an admin (`POST /api/v1/api-tokens`). ' +
        'Errors are JSON `{ statusCode, error, message, details? }`; `details.code` is a stable machine-readable code and, ' +
        'for invalid input, `details.fields` names every failing field. Lists answer `{ items, total }` and take `limit`/`offset`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An access token (JWT) or an API token (okn_...)' })
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ErrorResponseDto],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  addCommonErrors(document);
  return document;
}

/** Swagger UI at /api/docs and the OpenAPI JSON at /api/docs-json. */
export function mountSwagger(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'Okienko API',
  });
}
