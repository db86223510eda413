import { COMMON_PASSWORDS } from './common-passwords.js';

let common: Set<string> | undefined;

/**
 * What is wrong with a new password, or null when it may be used: passwords
 * made only of whitespace, and the most common ones (compared without regard
 * to letter case), are refused. Length limits are checked where the password
 * arrives.
 */
export function passwordProblem(password: string): string | null {
  if (password.trim() === '') return 'password must not consist of whitespace only';
  common ??= new Set(COMMON_PASSWORDS.split('\n'));
  if (common.has(password.toLowerCase()) || common.has(password.trim().toLowerCase())) {
    return 'password is one of the most common passwords; choose another';
  }
  return null;
}
