import { describe, expect, it } from '@jest/globals';
import { affectedEntries, satisfies } from '../match-advisories.mjs';

describe('advisory ranges', () => {
  it('reads comparators, joined ranges and pre-releases as npm does', () => {
    expect(satisfies('6.9.8', '<6.9.9')).toBe(true);
    expect(satisfies('6.9.9', '<6.9.9')).toBe(false);
    expect(satisfies('2.0.1', '>=1.0.0 <1.1.12 || >=2.0.0 <2.0.2')).toBe(true);
    expect(satisfies('1.1.12', '>=1.0.0 <1.1.12 || >=2.0.0 <2.0.2')).toBe(false);
    expect(satisfies('7.0.7-beta.1', '<7.0.7')).toBe(true);
    expect(satisfies('0.2.3', '<=0.2.3')).toBe(true);
  });

  it('refuses a range it cannot read instead of letting it pass', () => {
    expect(() => satisfies('1.0.0', '<one')).toThrow('cannot read the version range');
  });
});

describe('checking a lock file', () => {
  const advisories = [{ id: 'GHSA-test', package: 'nodemailer', affected: '<7.0.7', title: 'test' }];

  it('names every installed copy in an affected range, nested ones included', () => {
    const lock = {
      packages: {
        '': { name: 'okienko', version: '0.1.0' },
        'node_modules/nodemailer': { version: '10.6.0' },
        'node_modules/mailparser/node_modules/nodemailer': { version: '6.9.1' },
      },
    };
    expect(affectedEntries(lock, advisories)).toEqual([
      { name: 'nodemailer', version: '6.9.1', location: 'node_modules/mailparser/node_modules/nodemailer', advisory: advisories[0] },
    ]);
  });

  it('finds nothing in a lock of fixed versions', () => {
    expect(affectedEntries({ packages: { 'node_modules/nodemailer': { version: '7.0.7' } } }, advisories)).toEqual([]);
  });
});
