// Fails when package-lock.json holds a dependency version with a published
// security advisory. Where the registry's audit endpoint answers, `npm audit`
// decides (high and critical fail). Where it does not (an offline mirror, a
// registry without the audit API), the versions are checked against the
// advisories kept in scripts/advisories/known-advisories.json, and the output
// says that this list, not the live database, was used.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { affectedEntries } from './advisories/match-advisories.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const { advisories } = JSON.parse(readFileSync(path.join(root, 'scripts', 'advisories', 'known-advisories.json'), 'utf8'));

function onlineAudit() {
  if (process.env.OKIENKO_OFFLINE_AUDIT === 'true') return null;
  const result = spawnSync('npm', ['audit', '--json', '--package-lock-only', '--audit-level=high'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });
  let report;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    return null;
  }
  // The endpoint refused or could not be reached: npm answers with an error object and no vulnerability counts.
  if (report.error || !report.metadata?.vulnerabilities) return null;
  return report;
}

const online = onlineAudit();
if (online) {
  const { high = 0, critical = 0 } = online.metadata.vulnerabilities;
  if (high + critical > 0) {
    console.error(`npm audit: ${critical} critical and ${high} high advisories in package-lock.json; run \`npm audit\` for details.`);
    process.exit(1);
  }
  console.log('npm audit: no high or critical advisories in package-lock.json.');
  process.exit(0);
}

const found = affectedEntries(lock, advisories);
if (found.length) {
  for (const { name, version, location, advisory } of found) {
    console.error(`${name}@${version} (${location}): ${advisory.id} ${advisory.title} (affected ${advisory.affected})`);
  }
  console.error(`\n${found.length} dependency version(s) with a known advisory; update them (npm update <name>) or pin a fixed version in "overrides".`);
  process.exit(1);
}
console.log(
  `The registry's audit endpoint did not answer; package-lock.json was checked against the ${advisories.length} advisories ` +
    'in scripts/advisories/known-advisories.json: none applies.',
);
