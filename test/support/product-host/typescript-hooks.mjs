// Node.js module hooks that run the TypeScript sources directly, transpiled as the build and jest do
// (scripts/swc-options.mjs): relative `.js` imports of a `.ts` file find the `.ts` file, and the workspace's
// `@okienko/*` names find their libraries. Registered by register-typescript.mjs.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform } from '@swc/core';
import { swcOptions, workspaceRoot } from '../../../scripts/swc-options.mjs';

const options = swcOptions({ sourceMaps: false });
const aliases = new Map(Object.entries(options.jsc.paths).map(([name, [file]]) => [name, pathToFileURL(path.join(workspaceRoot, file)).href]));

export async function resolve(specifier, context, nextResolve) {
  const alias = aliases.get(specifier);
  if (alias) return { url: alias, shortCircuit: true };
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const typescript = new URL(`${specifier.slice(0, -3)}.ts`, context.parentURL);
    if (existsSync(fileURLToPath(typescript))) return { url: typescript.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const filename = fileURLToPath(url);
  const { code } = await transform(await readFile(filename, 'utf8'), { ...options, filename, swcrc: false, sourceMaps: 'inline' });
  return { format: 'module', source: code, shortCircuit: true };
}
