import type { CsvCell } from '@okienko/domain';

/** A report as one table for CSV: the header and the rows. */
export interface ReportTable {
  header: string[];
  rows: CsvCell[][];
}

/** `part` as a percentage of `whole`, to one decimal; null when `whole` is 0. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** A number rounded to whole seconds (durations), null stays null. */
export function roundSeconds(value: number | string | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(Number(value));
}
