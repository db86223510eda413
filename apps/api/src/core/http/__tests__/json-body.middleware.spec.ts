import { describe, expect, it } from '@jest/globals';
import { BadRequestException } from '@nestjs/common';
import { exceedsJsonDepth, MAX_JSON_DEPTH, parseJsonText } from '../json-body.middleware.js';

const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

function codeOf(text: string): string | undefined {
  try {
    parseJsonText(text);
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { details?: { code?: string } }).details?.code;
  }
  return undefined;
}

describe('exceedsJsonDepth', () => {
  it('counts arrays and objects alike, up to and past the limit', () => {
    expect(exceedsJsonDepth(deep(64), 64)).toBe(false);
    expect(exceedsJsonDepth(deep(65), 64)).toBe(true);
    expect(exceedsJsonDepth('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
    expect(exceedsJsonDepth('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(exceedsJsonDepth(JSON.stringify({ a: '[[[[{{{{', b: 'say \\"[[[["' }), 1)).toBe(false);
    expect(exceedsJsonDepth(JSON.stringify(['\\', [[1]]]), 2)).toBe(true);
  });

  it('stops at the first level too many, whatever follows', () => {
    expect(exceedsJsonDepth('['.repeat(10_000_000), MAX_JSON_DEPTH)).toBe(true);
  });
});

describe('parseJsonText', () => {
  it('parses objects, and takes an empty body as {}', () => {
    expect(parseJsonText(' {"a":[1,{"b":null}]}')).toEqual({ a: [1, { b: null }] });
    expect(parseJsonText('')).toEqual({});
  });

  it('refuses nesting past the limit, a top level that is no object or array, and broken JSON', () => {
    expect(codeOf(deep(MAX_JSON_DEPTH + 1))).toBe('BODY_TOO_DEEP');
    expect(codeOf(deep(1_500_000))).toBe('BODY_TOO_DEEP');
    expect(codeOf(`{"a":${deep(MAX_JSON_DEPTH - 1)}}`)).toBeUndefined();
    expect(codeOf('[1, 2]')).toBe('MALFORMED_BODY');
    expect(codeOf('"text"')).toBe('MALFORMED_BODY');
    expect(codeOf('null')).toBe('MALFORMED_BODY');
    expect(codeOf('{"a": ')).toBe('MALFORMED_BODY');
  });
});
