// Matching package-lock.json entries against advisories whose affected versions
// are written as npm ranges of comparators (`<1.2.3`, `>=2.0.0 <2.0.2`, joined
// by `||`). Pre-release tags count as lower than their release, as in semver.

/** [major, minor, patch, prerelease] of "1.2.3" or "1.2.3-beta.1". */
function parseVersion(text) {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(text.trim());
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] ?? null];
}

function compare(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  if (a[3] === b[3]) return 0;
  if (a[3] === null) return 1;
  if (b[3] === null) return -1;
  return a[3] < b[3] ? -1 : 1;
}

const TESTS = {
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
  '=': (c) => c === 0,
};

/** Whether `version` falls in `range` (`<1.2.3 || >=2.0.0 <2.0.2`). */
export function satisfies(version, range) {
  const parsed = parseVersion(version);
  if (!parsed) return false;
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .split(/\s+/)
      .every((comparator) => {
        const match = /^(<=|>=|<|>|=)?(.+)$/.exec(comparator);
        const bound = match && parseVersion(match[2]);
        if (!bound) throw new Error(`cannot read the version range "${range}"`);
        return TESTS[match[1] ?? '='](compare(parsed, bound));
      }),
  );
}

/** Every installed package of `lock` (lockfileVersion 2 or 3) that an advisory names in its affected range. */
export function affectedEntries(lock, advisories) {
  const byPackage = new Map();
  for (const advisory of advisories) {
    if (!byPackage.has(advisory.package)) byPackage.set(advisory.package, []);
    byPackage.get(advisory.package).push(advisory);
  }
  const found = [];
  for (const [location, entry] of Object.entries(lock.packages ?? {})) {
    if (!location || !entry.version || entry.link) continue;
    const name = entry.name ?? location.slice(location.lastIndexOf('node_modules/') + 'node_modules/'.length);
    for (const advisory of byPackage.get(name) ?? []) {
      if (satisfies(entry.version, advisory.affected)) found.push({ name, version: entry.version, location, advisory });
    }
  }
  return found;
}
