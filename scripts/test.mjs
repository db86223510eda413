// `npm test`: everything CI checks, in order, stopping at the first failure:
// lint (with module boundaries), known advisories of dependencies, type checks, the build (the browser suite
// drives the built panel), the agent panel's Vitest unit and component tests,
// then jest: unit tests, the API suites and the browser suite against the real
// product on PostgreSQL and Redis. The last line sums both test runners.
// Extra arguments go to jest, e.g. `npm test -- test/api/tickets`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
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

// The module-boundary lint rule reads Nx's project graph; on a fresh clone it is not there yet and the rule would be
// skipped, so the graph is computed first.
step('Project graph', bin('nx'), ['show', 'projects']);
step('Lint', bin('eslint'), ['.', '--max-warnings=0']);
step('Dependency advisories', process.execPath, ['scripts/check-advisories.mjs']);
step('Type check (API, libraries, tests)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('Type check (agent panel)', bin('nx'), ['run', 'web:typecheck', '--outputStyle=static']);
step('Build', bin('nx'), ['run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static']);

mkdirSync(path.join(workspaceRoot, 'test-artifacts'), { recursive: true });

/** "N passed, N failed[, N skipped]": the line CI reads, over every test runner that ran. */
function summaryLine(counts) {
  return `${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null; // the runner did not get far enough to write its report
  }
}

// The agent panel's unit and component tests (apps/web/src/**/__tests__/*.spec.ts).
const vitestReport = path.join(workspaceRoot, 'test-artifacts', 'vitest-report.json');
rmSync(vitestReport, { force: true });
console.log('\n=== Unit tests (agent panel, Vitest)');
const vitestStarted = Date.now();
const vitest = spawnSync(
  bin('vitest'),
  ['run', '--config', 'apps/web/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`],
  { cwd: workspaceRoot, env, stdio: 'inherit' },
);
const vitestSummary = readJson(vitestReport);
const counts = {
  passed: vitestSummary?.numPassedTests ?? 0,
  failed: vitestSummary?.numFailedTests ?? 0,
  skipped: (vitestSummary?.numPendingTests ?? 0) + (vitestSummary?.numTodoTests ?? 0),
};
if (vitest.status !== 0 || !vitestSummary || vitestSummary.numTotalTests === 0) {
  console.error('\nUnit tests (agent panel, Vitest) failed.');
  if (vitestSummary) console.log(`\n${summaryLine(counts)}`);
  process.exit(vitest.status || 1);
}
console.log(`=== Unit tests (agent panel, Vitest): ok (${((Date.now() - vitestStarted) / 1000).toFixed(1)} s)`);

const report = path.join(workspaceRoot, 'test-artifacts', 'jest-report.json');
const jest = spawnSync(process.execPath, [bin('jest'), '--json', `--outputFile=${report}`, ...jestArgs], {
  cwd: workspaceRoot,
  env: { ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim() },
  stdio: 'inherit',
});
const summary = readJson(report);
if (summary) {
  counts.passed += summary.numPassedTests;
  counts.failed += summary.numFailedTests;
  counts.skipped += summary.numPendingTests;
  console.log(`\n${summaryLine(counts)}`);
}
if (jest.status !== 0 || !summary || summary.numTotalTests === 0) process.exit(jest.status || 1);
