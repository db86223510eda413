// `npm test`: everything CI checks, stopping at the first failure: lint (with module boundaries), known advisories
// of dependencies, type checks, the build (the browser suite drives the built panel), the agent panel's Vitest unit
// and component tests, then jest: unit tests, the API, mail and browser suites against the real product on
// PostgreSQL and Redis. The steps before jest run in two lanes side by side (each is about one busy process, and the
// machines this runs on have two cores or more): lint, advisories and the API type check; the panel's type check,
// the build and Vitest. The last line sums both test runners.
// Extra arguments go to jest, e.g. `npm test -- test/api/tickets`.
//
// The quick loops (no lint, no type checks):
//   `npm run test:unit [-- <jest path>]`  the panel's Vitest tests and jest's unit project
//   `npm run test:e2e [-- <jest path>]`   the build (Nx answers from its cache when nothing changed), then jest's
//                                         API, mail and browser projects
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { workspaceRoot } from './swc-options.mjs';

const bin = (name) => path.join(workspaceRoot, 'node_modules', '.bin', name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const args = process.argv.slice(2);
const mode = args[0] === '--only=unit' ? 'unit' : args[0] === '--only=e2e' ? 'e2e' : 'all';
const jestArgs = mode === 'all' ? args : args.slice(1);
const seconds = (started) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/**
 * Runs one command. With `quiet`, its output is kept and printed in one piece when it ends, so that steps
 * running side by side do not mix their lines. Answers whether it succeeded.
 */
function run(title, command, commandArgs, { quiet = false, extraEnv = {} } = {}) {
  const started = Date.now();
  if (!quiet) console.log(`\n=== ${title}`);
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd: workspaceRoot,
      env: { ...env, ...extraEnv },
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    const output = [];
    child.stdout?.on('data', (chunk) => output.push(chunk));
    child.stderr?.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code) => {
      if (quiet) {
        console.log(`\n=== ${title}`);
        process.stdout.write(Buffer.concat(output));
      }
      if (code === 0) console.log(`=== ${title}: ok (${seconds(started)})`);
      else console.error(`\n${title} failed (${seconds(started)}).`);
      resolve(code === 0);
    });
  });
}

/**
 * Runs each lane's steps in order, the lanes side by side; after a failure no lane starts another step. A step is
 * `[title, command, args]`, or a function that runs it (with `quiet`) and answers whether it succeeded.
 */
async function lanes(...laneSteps) {
  let failed = false;
  const quiet = laneSteps.length > 1;
  await Promise.all(
    laneSteps.map(async (steps) => {
      for (const step of steps) {
        if (failed) return;
        const ok = typeof step === 'function' ? await step(quiet) : await run(step[0], step[1], step[2], { quiet });
        if (!ok) failed = true;
      }
    }),
  );
  if (failed) process.exit(1);
}

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

const counts = { passed: 0, failed: 0, skipped: 0 };

/** The agent panel's unit and component tests (`__tests__` folders under apps/web/src); their counts join the summary. */
async function vitest(quiet = false) {
  const vitestReport = path.join(workspaceRoot, 'test-artifacts', 'vitest-report.json');
  rmSync(vitestReport, { force: true });
  const title = 'Unit tests (agent panel, Vitest)';
  const ok = await run(title, bin('vitest'), [
    'run', '--config', 'apps/web/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`,
  ], { quiet });
  const vitestSummary = readJson(vitestReport);
  counts.passed += vitestSummary?.numPassedTests ?? 0;
  counts.failed += vitestSummary?.numFailedTests ?? 0;
  counts.skipped += (vitestSummary?.numPendingTests ?? 0) + (vitestSummary?.numTodoTests ?? 0);
  if (ok && vitestSummary && vitestSummary.numTotalTests > 0) return true;
  if (ok) console.error(`\n${title} failed: no report or no tests.`);
  if (vitestSummary) console.log(`\n${summaryLine(counts)}`);
  return false;
}

const build = ['Build', bin('nx'), ['run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static']];
if (mode === 'all') {
  // The module-boundary lint rule reads Nx's project graph; on a fresh clone it is not there yet and the rule would be
  // skipped, so the graph is computed first (the Nx steps below read it too).
  await lanes([['Project graph', bin('nx'), ['show', 'projects']]]);
  await lanes(
    [
      ['Lint', bin('eslint'), ['.', '--max-warnings=0']],
      ['Dependency advisories', process.execPath, ['scripts/check-advisories.mjs']],
      ['Type check (API, libraries, tests)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
    ],
    [['Type check (agent panel)', bin('nx'), ['run', 'web:typecheck', '--outputStyle=static']], build, vitest],
  );
} else if (mode === 'e2e') {
  await lanes([build]);
} else if (!(await vitest())) {
  process.exit(1);
}

// Project names go last: jest reads every word after --selectProjects as one.
const projects = { all: [], unit: ['--selectProjects', 'unit'], e2e: ['--selectProjects', 'api', 'mail', 'browser'] }[mode];
const report = path.join(workspaceRoot, 'test-artifacts', 'jest-report.json');
rmSync(report, { force: true });
const jestOk = await run('Jest', process.execPath, [bin('jest'), '--json', `--outputFile=${report}`, ...jestArgs, ...projects], {
  extraEnv: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim() },
});
const summary = readJson(report);
if (summary) {
  counts.passed += summary.numPassedTests;
  counts.failed += summary.numFailedTests;
  counts.skipped += summary.numPendingTests;
  console.log(`\n${summaryLine(counts)}`);
}
if (!jestOk || !summary || summary.numTotalTests === 0) process.exit(1);
