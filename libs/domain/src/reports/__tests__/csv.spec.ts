import { describe, expect, it } from '@jest/globals';
import { csvCell, toCsv } from '../csv.js';

describe('toCsv', () => {
  it('starts with the BOM, ends every line with CRLF and quotes what RFC 4180 needs', () => {
    const csv = toCsv(['name', 'count'], [
      ['Zwrot, "pilny" – żółć', 3],
      ['plain', 0],
      ['two\nlines', null],
      ['cr\rhere', 1.5],
    ]);
    expect(csv).toBe('\uFEFFname,count\r\n"Zwrot, ""pilny"" – żółć",3\r\nplain,0\r\n"two\nlines",\r\n"cr\rhere",1.5\r\n');
  });

  it('writes dates as ISO instants and empty values as empty cells', () => {
    expect(csvCell(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T01:00:00.000Z');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  it('writes only the header for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('\uFEFFa,b\r\n');
  });
});
