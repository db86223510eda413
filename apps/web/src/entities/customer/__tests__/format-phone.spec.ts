import { describe, expect, it } from 'vitest';
import { formatPhone } from '../format-phone';

describe('formatPhone', () => {
  it('groups a stored E.164 number as people read it', () => {
    expect(formatPhone('+48600100200')).toBe('+48 600 100 200');
    expect(formatPhone('+48221234567')).toBe('+48 22 123 45 67');
    expect(formatPhone('+12025550143')).toBe('+1 202 555 0143');
  });

  it('leaves what is not a number as it is', () => {
    expect(formatPhone('nie numer')).toBe('nie numer');
  });
});
