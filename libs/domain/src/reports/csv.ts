/** A CSV cell: text as it is, numbers as JavaScript writes them, null/undefined as an empty cell, dates as ISO instants. */
export type CsvCell = string | number | boolean | Date | null | undefined;

const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, quoted (with inner quotes doubled) when it holds a quote, a comma, CR or LF (RFC 4180). */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return NEEDS_QUOTES.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV document as spreadsheets open it: the UTF-8 byte order mark (so
 * Excel reads Polish letters right), a header row, CRLF after every line.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return BOM + lines.map((line) => `${line}\r\n`).join('');
}
