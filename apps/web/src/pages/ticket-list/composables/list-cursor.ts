/** The row the keyboard is on after moving `delta` rows from `index` in a list of `length` rows (it stops at both ends). */
export function stepCursor(index: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return delta < 0 ? length - 1 : 0;
  return Math.min(length - 1, Math.max(0, index + delta));
}

/**
 * Where the cursor goes when the rows change (a reload, a live update): it stays on the same ticket
 * while it is still shown, otherwise on the row at the same place (the one after a resolved ticket).
 */
export function followCursor(previousId: string | null, previousIndex: number, ids: readonly string[]): number {
  if (previousId === null || ids.length === 0) return -1;
  const same = ids.indexOf(previousId);
  if (same !== -1) return same;
  return Math.min(previousIndex, ids.length - 1);
}
