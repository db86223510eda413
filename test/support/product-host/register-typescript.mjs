// `node --import ./register-typescript.mjs file.ts`: runs the TypeScript sources without a build (typescript-hooks.mjs).
import { register } from 'node:module';

register('./typescript-hooks.mjs', import.meta.url);
