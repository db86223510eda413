// One place for how TypeScript becomes JavaScript: the production build and
// jest both transpile with these options, so what is tested is what runs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const workspaceRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function swcOptions({ sourceMaps = true } = {}) {
  return {
    sourceMaps,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
      baseUrl: workspaceRoot,
      paths: {
        '@okienko/domain': ['libs/domain/src/index.ts'],
        '@okienko/routing': ['libs/routing/src/index.ts'],
        '@okienko/migrations': ['migrations/index.ts'],
      },
    },
    module: { type: 'es6', resolveFully: true },
  };
}
