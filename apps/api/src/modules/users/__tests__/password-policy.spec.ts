import { describe, expect, it } from '@jest/globals';
import { COMMON_PASSWORDS } from '../common-passwords.js';
import { passwordProblem } from '../password-policy.js';

describe('passwordProblem', () => {
  it('ships at least the 10,000 most common passwords, one per line in lower case', () => {
    const list = COMMON_PASSWORDS.split('\n');
    expect(list.length).toBeGreaterThanOrEqual(10_000);
    expect(list.slice(0, 3)).toEqual(['123456', 'password', '12345678']);
    expect(list.every((entry) => entry === entry.toLowerCase() && entry.trim() === entry && entry.length > 0)).toBe(true);
    expect(new Set(list).size).toBe(list.length);
  });

  it.each(['password', 'PASSWORD', 'Qwerty123', 'zaq12wsx', 'Zaq1@wsx', '1qaz2wsx', 'haslo123', 'Polska123', 'kochanie', 'iloveyou', ' qwerty123 '])(
    'refuses the common %j',
    (password) => {
      expect(passwordProblem(password)).toMatch(/^password is one of the most common passwords/);
    },
  );

  it.each(['        ', '\t\t\t\t\n\n\n\n', '\u00a0'.repeat(8)])('refuses whitespace only (%j)', (password) => {
    expect(passwordProblem(password)).toBe('password must not consist of whitespace only');
  });

  it.each(['Agent-password-1', 'correct horse battery staple', 'zaq12wsx-but-longer', 'Hasło do okienka 2026'])('accepts %j', (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});
