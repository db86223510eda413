import { describe, it, expect } from '@jest/globals';
import { phoneNumberPrefix } from '../phone-prefix.js';

describe('phoneNumberPrefix', () => {
  it('reads a number being typed in any spelling as the start of its E.164 form', () => {
    expect(phoneNumberPrefix('+48 600 1', 'PL')).toBe('+486001');
    expect(phoneNumberPrefix('0048 600-100', 'PL')).toBe('+48600100');
    expect(phoneNumberPrefix('600 100 200', 'PL')).toBe('+48600100200');
    expect(phoneNumberPrefix('(22) 123', 'PL')).toBe('+4822123');
    expect(phoneNumberPrefix('020 7946', 'GB')).toBe('+44207946');
  });

  it('is null for text that is not a number or too short to narrow anything down', () => {
    expect(phoneNumberPrefix('kowalski', 'PL')).toBeNull();
    expect(phoneNumberPrefix('60', 'PL')).toBeNull();
    expect(phoneNumberPrefix('+4', 'PL')).toBeNull();
    expect(phoneNumberPrefix('jan 600', 'PL')).toBeNull();
  });
});
