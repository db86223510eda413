// Transpiles the server-side TypeScript (API, libraries, migrations, benchmarks)
// into dist/ with the same folder layout. Type checking is `npm run typecheck`.
import { readdir, mkdir, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { transformFile } from '@swc/core';
import { swcOptions, workspaceRoot } from './swc-options.mjs';

const sources = process.argv.slice(2);
const outDir = path.join(workspaceRoot, 'dist');

async function* walk(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === '__tests__' || entry.name === 'node_modules') continue;
      yield* walk(full);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.spec.ts')) {
      yield full;
    }
  }
}

let count = 0;
for (const source of sources) {
  const absolute = path.join(workspaceRoot, source);
  await rm(path.join(outDir, source), { recursive: true, force: true });
  for await (const file of walk(absolute)) {
    const relative = path.relative(workspaceRoot, file);
    const target = path.join(outDir, relative.replace(/\.ts$/, '.js'));
    const { code, map } = await transformFile(file, {
      ...swcOptions(),
      filename: file,
      sourceFileName: path.relative(path.dirname(target), file),
    });
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
    if (map) await writeFile(`${target}.map`, map);
    count += 1;
  }
}
console.log(`built ${count} files from ${sources.join(', ')} into dist/`);
