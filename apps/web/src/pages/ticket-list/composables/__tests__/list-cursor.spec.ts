import { describe, expect, it } from 'vitest';
import { followCursor, stepCursor } from '../list-cursor';

describe('the ticket list’s keyboard cursor', () => {
  it('starts at the first row going down and at the last going up, and stops at both ends', () => {
    expect(stepCursor(-1, 1, 3)).toBe(0);
    expect(stepCursor(-1, -1, 3)).toBe(2);
    expect(stepCursor(0, 1, 3)).toBe(1);
    expect(stepCursor(2, 1, 3)).toBe(2);
    expect(stepCursor(0, -1, 3)).toBe(0);
    expect(stepCursor(1, 1, 0)).toBe(-1);
  });

  it('stays on the same ticket when the rows change, or takes the row at its place when it left', () => {
    expect(followCursor('b', 1, ['x', 'a', 'b'])).toBe(2);
    // b was resolved and left the list: the cursor is on the ticket that came after it.
    expect(followCursor('b', 1, ['a', 'c'])).toBe(1);
    expect(followCursor('c', 2, ['a', 'b'])).toBe(1);
    expect(followCursor('a', 0, [])).toBe(-1);
    expect(followCursor(null, -1, ['a'])).toBe(-1);
  });
});
