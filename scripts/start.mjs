// `npm start`: builds what changed (Nx caches the rest) and runs every role of
// Okienko in one process. Arguments after `--` go to the server, e.g.
// `npm start -- --roles=api`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { workspaceRoot } from './swc-options.mjs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const nx = path.join(workspaceRoot, 'node_modules', '.bin', 'nx');
const build = spawnSync(nx, ['run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static'], {
  cwd: workspaceRoot,
  env,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (build.status !== 0) {
  console.error('Okienko cannot start: the build failed (see above).');
  process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ['--enable-source-maps', 'dist/apps/api/src/main.js', ...process.argv.slice(2)], {
  cwd: workspaceRoot,
  env: process.env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
