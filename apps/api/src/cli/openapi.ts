import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderOpenApiDocument } from '../core/http/render-openapi.js';

/** `npm run openapi`: writes docs/openapi.json from the code, without a database. */
const target = path.resolve(process.argv[2] ?? 'docs/openapi.json');
await writeFile(target, await renderOpenApiDocument());
process.stdout.write(`OpenAPI document written to ${target}\n`);
process.exit(0);
