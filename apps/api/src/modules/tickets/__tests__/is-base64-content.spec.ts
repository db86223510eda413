import { describe, expect, it } from '@jest/globals';
import { isBase64Content } from '../dtos/is-base64-content.js';

describe('isBase64Content', () => {
  it('takes standard base64 with and without padding, and the empty file', () => {
    for (const bytes of [0, 1, 2, 3, 100]) expect(isBase64Content(Buffer.alloc(bytes, 0xfb).toString('base64'))).toBe(true);
  });

  it('refuses other alphabets, misplaced padding, line breaks and lengths off by one', () => {
    for (const text of ['ab-_', 'ab=c', 'a===', 'YWJj\nZGVm', 'YWJjZ', 'ą\u0000bc', 42]) expect(isBase64Content(text)).toBe(false);
  });

  it('checks a file of 10 MB without running out of stack', () => {
    expect(isBase64Content(Buffer.alloc(10 * 1024 * 1024, 7).toString('base64'))).toBe(true);
  });
});
