// `npm test`: everything CI checks, in order, stopping at the first failure:
// lint (with module boundaries), type checks, the build (the browser suite
// drives the built panel), then jest: unit tests, the API suites and the
// browser suite against the real product on PostgreSQL and Redis.
// Extra arguments go to jest, e.g. `npm test -- test/api/tickets`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from './swc-options.mjs';

const bin = (name) => path.join(workspaceRoot, 'node_modules', '.bin', name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const jestArgs = process.argv.slice(2);

function step(title, command, args, extraEnv = {}) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: workspaceRoot, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n${title} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`=== ${title}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

step('Lint', bin('eslint'), ['.', '--max-warnings=0']);
step('Type check (API, libraries, tests)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('Type check (agent panel)', bin('nx'), ['run', 'web:typecheck', '--outputStyle=static']);
step('Build', bin('nx'), ['run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static']);

mkdirSync(path.join(workspaceRoot, 'test-artifacts'), { recursive: true });
const report = path.join(workspaceRoot, 'test-artifacts', 'jest-report.json');
const jest = spawnSync(process.execPath, [bin('jest'), '--json', `--outputFile=${report}`, ...jestArgs], {
  cwd: workspaceRoot,
  env: { ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim() },
  stdio: 'inherit',
});
let summary = null;
try {
  summary = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  // jest did not get far enough to write its report
}
if (summary) {
  console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed${summary.numPendingTests ? `, ${summary.numPendingTests} skipped` : ''}`);
}
if (jest.status !== 0 || !summary || summary.numTotalTests === 0) process.exit(jest.status || 1);
