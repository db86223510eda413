import { describe, it, expect } from '@jest/globals';
import { repairHeaderText } from '../header-text.js';

const LATIN2: Record<string, number> = { ą: 0xb1, ć: 0xe6, ę: 0xea, ł: 0xb3, ń: 0xf1, ó: 0xf3, ś: 0xb6, ź: 0xbc, ż: 0xbf, Ł: 0xa3, Ż: 0xaf, Ś: 0xa6 };
const CP1250: Record<string, number> = { ...LATIN2, ą: 0xb9, ś: 0x9c, ź: 0x9f, Ś: 0x8c };

/** The header value as received (one character per byte) in a legacy charset, and what a UTF-8 parser made of it. */
function raw8bit(text: string, table: Record<string, number>): { raw: string; parsed: string } {
  const raw = [...text].map((ch) => String.fromCharCode(table[ch] ?? ch.charCodeAt(0))).join('');
  return { raw, parsed: [...text].map((ch) => (table[ch] ? '\uFFFD' : ch)).join('') };
}

describe('repairHeaderText', () => {
  it('reads raw ISO-8859-2 bytes in the charset the mail declares', () => {
    const { raw, parsed } = raw8bit('Zażółć gęślą jaźń', LATIN2);
    expect(repairHeaderText(parsed, raw, 'iso-8859-2')).toBe('Zażółć gęślą jaźń');
  });

  it('without a declared charset, reads ISO-8859-2, or Windows-1250 when a byte only it uses is there', () => {
    const latin2 = raw8bit('Łukasz Żółć', LATIN2);
    expect(repairHeaderText(latin2.parsed, latin2.raw, null)).toBe('Łukasz Żółć');
    const cp1250 = raw8bit('Śruba źle wkręcona', CP1250);
    expect(repairHeaderText(cp1250.parsed, cp1250.raw, 'utf-8')).toBe('Śruba źle wkręcona');
  });

  it('repairs UTF-8 declared as ISO-8859-1 in an encoded word', () => {
    expect(repairHeaderText('Zwrot zamÃ³wienia â\u0080\u0093 pilne', '=?iso-8859-1?Q?...?=')).toBe('Zwrot zamówienia – pilne');
  });

  it('leaves correct text alone: Polish, Latin-1 names, and a real replacement character in raw UTF-8', () => {
    expect(repairHeaderText('Zwrot zamówienia', 'Zwrot zam\u00c3\u00b3wienia')).toBe('Zwrot zamówienia');
    expect(repairHeaderText('Café Müller', '=?iso-8859-1?Q?Caf=E9_M=FCller?=')).toBe('Café Müller');
    expect(repairHeaderText('Znak \uFFFD w temacie', 'Znak \u00ef\u00bf\u00bd w temacie')).toBe('Znak \uFFFD w temacie');
    expect(repairHeaderText('', undefined)).toBe('');
  });

  it('ignores an unknown declared charset', () => {
    const { raw, parsed } = raw8bit('Reklamacja łańcucha', LATIN2);
    expect(repairHeaderText(parsed, raw, 'x-unknown')).toBe('Reklamacja łańcucha');
  });
});

describe('repairHeaderText: encoded words the parser could not read', () => {
  it('reads an unknown charset (x-unknown, unknown-8bit) as UTF-8 when it is, else as the legacy guess', () => {
    expect(repairHeaderText('\uFFFD\uFFFDd\uFFFD \uFFFDaba', '=?x-unknown?Q?=B3=F3d=BC_=BFaba?=')).toBe('łódź żaba');
    expect(repairHeaderText('\uFFFD\uFFFDd\uFFFD', '=?unknown-8bit?B?s/NkvA==?=', 'iso-8859-2')).toBe('łódź');
  });

  it('reads ISO-8859-2 bytes declared as UTF-8, joining words split inside a character, keeping the text between', () => {
    expect(repairHeaderText('Re: \uFFFD\uFFFDd\uFFFD', 'Re: =?UTF-8?Q?=B3=F3?=\r\n =?UTF-8?Q?d=BC?=')).toBe('Re: łódź');
  });

  it('touches nothing the parser read well, whatever the raw value says', () => {
    expect(repairHeaderText('łódź', '=?x-unknown?Q?=B3=F3d=BC?=')).toBe('łódź');
    expect(repairHeaderText('中文', '=?gb2312?B?1tDOxA==?=')).toBe('中文');
  });
});
