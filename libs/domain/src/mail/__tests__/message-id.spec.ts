import { describe, it, expect } from '@jest/globals';
import {
  MAX_MESSAGE_ID_LENGTH,
  buildMessageId,
  formatMessageIdHeader,
  normalizeMessageId,
  parseMessageIdList,
} from '../message-id.js';

const GMAIL = 'CAKx8Jd9qV2+Xy_ZpL0=rT4uW5@mail.gmail.com';
const OUTLOOK = 'AM0PR03MB5601B8D2C3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A@AM0PR03MB5601.eurprd03.prod.outlook.com';
const THUNDERBIRD = '3f9a1c2e-7b4d-4e0a-9c1f-2d8e6b5a4c3d@klient.pl';
const APPLE = 'A1B2C3D4-E5F6-47A8-9B0C-1D2E3F4A5B6C@wp.pl';
const ONET = '1a2b3c4d5e6f7a8b9c0d.6a7b8c9d@poczta.onet.pl';
const INTERIA = 'kbhdjqweyfkuhxaigpvw@txoo';

describe('normalizeMessageId', () => {
  it.each([
    [`<${GMAIL}>`, GMAIL],
    [`<${OUTLOOK}>`, OUTLOOK],
    [`<${THUNDERBIRD}>`, THUNDERBIRD],
    [`<${APPLE}>`, APPLE],
    [`<${ONET}>`, ONET],
    [`<${INTERIA}>`, INTERIA],
  ])('strips the brackets of %s', (raw, expected) => {
    expect(normalizeMessageId(raw)).toBe(expected);
  });

  it('strips surrounding whitespace, including a folded line', () => {
    expect(normalizeMessageId(`  \r\n\t<${GMAIL}>  `)).toBe(GMAIL);
  });

  it('strips comments around the id', () => {
    expect(normalizeMessageId(`<${THUNDERBIRD}> (added by postmaster@klient.pl)`)).toBe(THUNDERBIRD);
    expect(normalizeMessageId(`(Exchange) <${OUTLOOK}>`)).toBe(OUTLOOK);
    expect(normalizeMessageId(`(via <gateway>) <${OUTLOOK}>`)).toBe(OUTLOOK);
    expect(normalizeMessageId(`${ONET} (Onet Poczta)`)).toBe(ONET);
  });

  it('strips only one pair of brackets: anything still bracketed is refused', () => {
    expect(normalizeMessageId(`<<${GMAIL}>>`)).toBeNull();
  });

  it('keeps an id without brackets', () => {
    expect(normalizeMessageId(GMAIL)).toBe(GMAIL);
    expect(normalizeMessageId(` ${APPLE} `)).toBe(APPLE);
  });

  it('keeps an id without @, as some mailers send them', () => {
    expect(normalizeMessageId('<20261121100000.GA12345>')).toBe('20261121100000.GA12345');
    expect(normalizeMessageId('5f3c2a1b9e8d7c6b')).toBe('5f3c2a1b9e8d7c6b');
  });

  it('keeps the case of the id (ids are compared as opaque strings)', () => {
    expect(normalizeMessageId('<ABC.def@Klient.PL>')).toBe('ABC.def@Klient.PL');
  });

  it('reads an id whose closing bracket was lost', () => {
    expect(normalizeMessageId(`<${GMAIL}`)).toBe(GMAIL);
  });

  it('takes the first id when a broken mailer put two in Message-ID', () => {
    expect(normalizeMessageId(`<${GMAIL}> <${APPLE}>`)).toBe(GMAIL);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['empty', ''],
    ['whitespace', '  \t '],
    ['empty brackets', '<>'],
    ['brackets with spaces', '<   >'],
    ['only a comment', '(no id)'],
    ['a space inside', '<abc def@klient.pl>'],
    ['a space inside, no brackets', 'abc def@klient.pl'],
    ['a tab inside', '<abc\tdef@klient.pl>'],
    ['a closing bracket alone', 'abc@klient.pl>'],
    ['only punctuation', '<@>'],
    ['only dots', '...'],
    ['a control character', '<abc\u0000@klient.pl>'],
  ])('refuses %s', (_label, raw) => {
    expect(normalizeMessageId(raw)).toBeNull();
  });

  it('refuses a value that is not a string at all', () => {
    expect(normalizeMessageId(42 as unknown as string)).toBeNull();
  });

  it('accepts 998 characters and refuses 999', () => {
    const domain = '@klient.pl';
    const exact = `${'a'.repeat(MAX_MESSAGE_ID_LENGTH - domain.length)}${domain}`;
    expect(exact).toHaveLength(998);
    expect(normalizeMessageId(`<${exact}>`)).toBe(exact);
    expect(normalizeMessageId(`<a${exact}>`)).toBeNull();
  });

  it('keeps non-ASCII ids (RFC 6532)', () => {
    expect(normalizeMessageId('<zażółć.123@gęślą.pl>')).toBe('zażółć.123@gęślą.pl');
  });
});

describe('parseMessageIdList', () => {
  it('reads a Gmail References header folded over several lines', () => {
    const raw = `<${OUTLOOK}>\r\n <${THUNDERBIRD}>\r\n <${GMAIL}>`;
    expect(parseMessageIdList(raw)).toEqual([OUTLOOK, THUNDERBIRD, GMAIL]);
  });

  it('reads ids separated by commas, with or without spaces (older Outlook and Lotus Notes)', () => {
    expect(parseMessageIdList(`<${OUTLOOK}>,<${GMAIL}>, <${APPLE}>`)).toEqual([OUTLOOK, GMAIL, APPLE]);
  });

  it('reads ids written right after each other', () => {
    expect(parseMessageIdList(`<${OUTLOOK}><${GMAIL}>`)).toEqual([OUTLOOK, GMAIL]);
  });

  it('tolerates missing brackets', () => {
    expect(parseMessageIdList(`${OUTLOOK} ${GMAIL}`)).toEqual([OUTLOOK, GMAIL]);
    expect(parseMessageIdList(`${OUTLOOK},${GMAIL}`)).toEqual([OUTLOOK, GMAIL]);
    expect(parseMessageIdList(` ${ONET} `)).toEqual([ONET]);
  });

  it('without brackets, only counts tokens with @ so stray words never pass for ids', () => {
    expect(parseMessageIdList('Your message of Mon, 21 Nov 2026')).toEqual([]);
  });

  it('ignores free text around bracketed ids (old In-Reply-To style)', () => {
    expect(parseMessageIdList(`Your message of "Mon, 21 Nov 2026 10:00:00 +0100" <${THUNDERBIRD}>`)).toEqual([THUNDERBIRD]);
    expect(parseMessageIdList(`<${GMAIL}> (Jan Kowalski's message of "Mon, 21 Nov 2026 10:00:00 +0100")`)).toEqual([GMAIL]);
  });

  it('drops duplicates, keeping the first position', () => {
    expect(parseMessageIdList(`<${OUTLOOK}> <${GMAIL}> <${OUTLOOK}> <${APPLE}> <${GMAIL}>`)).toEqual([OUTLOOK, GMAIL, APPLE]);
  });

  it('skips garbage entries and keeps the rest', () => {
    expect(parseMessageIdList(`<> <${OUTLOOK}> <not an id> <${GMAIL}>`)).toEqual([OUTLOOK, GMAIL]);
  });

  it('reads the last id of a References header truncated mid-id', () => {
    expect(parseMessageIdList(`<${OUTLOOK}> <${GMAIL}`)).toEqual([OUTLOOK, GMAIL]);
    expect(parseMessageIdList(`<${OUTLOOK} <${GMAIL}>`)).toEqual([OUTLOOK, GMAIL]);
  });

  it('keeps ids without @ when they are bracketed', () => {
    expect(parseMessageIdList('<20261121100000.GA12345> <abc@klient.pl>')).toEqual(['20261121100000.GA12345', 'abc@klient.pl']);
  });

  it('is empty for nothing', () => {
    expect(parseMessageIdList(undefined)).toEqual([]);
    expect(parseMessageIdList(null)).toEqual([]);
    expect(parseMessageIdList('')).toEqual([]);
    expect(parseMessageIdList('   ')).toEqual([]);
  });

  it('reads a long thread of our own ids', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `ticket-2026-000123.${i}@okienko.firma.pl`);
    expect(parseMessageIdList(ids.map((id) => `<${id}>`).join('\r\n '))).toEqual(ids);
  });
});

describe('buildMessageId', () => {
  it('joins local part and domain without brackets', () => {
    expect(buildMessageId('ticket-2026-000123.7f3a9c', 'okienko.firma.pl')).toBe('ticket-2026-000123.7f3a9c@okienko.firma.pl');
  });

  it('trims both parts', () => {
    expect(buildMessageId(' abc ', ' firma.pl ')).toBe('abc@firma.pl');
  });

  it('gives an id that normalizes to itself', () => {
    const id = buildMessageId('0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'firma.pl');
    expect(normalizeMessageId(id)).toBe(id);
  });

  it.each([
    ['', 'firma.pl'],
    ['abc', ''],
    ['a b', 'firma.pl'],
    ['abc', 'firma .pl'],
    ['a@b', 'firma.pl'],
    ['abc', 'x@firma.pl'],
    ['<abc', 'firma.pl'],
    ['abc', 'firma.pl>'],
    ['"abc"', 'firma.pl'],
    ['abc(x)', 'firma.pl'],
    ['abc,def', 'firma.pl'],
  ])('refuses local part %j with domain %j', (local, domain) => {
    expect(() => buildMessageId(local, domain)).toThrow(RangeError);
  });

  it('refuses an id longer than 998 characters', () => {
    expect(buildMessageId('a'.repeat(989), 'firma.pl')).toHaveLength(998);
    expect(() => buildMessageId('a'.repeat(990), 'firma.pl')).toThrow(RangeError);
  });
});

describe('formatMessageIdHeader', () => {
  it('puts the brackets back', () => {
    expect(formatMessageIdHeader('ticket-2026-000123.7f3a9c@okienko.firma.pl')).toBe('<ticket-2026-000123.7f3a9c@okienko.firma.pl>');
  });

  it('does not double brackets already there', () => {
    expect(formatMessageIdHeader(`<${GMAIL}>`)).toBe(`<${GMAIL}>`);
  });

  it('round-trips with normalizeMessageId', () => {
    for (const id of [GMAIL, OUTLOOK, THUNDERBIRD, APPLE, ONET, INTERIA, '20261121100000.GA12345']) {
      expect(normalizeMessageId(formatMessageIdHeader(id))).toBe(id);
    }
  });

  it('refuses what is not an id', () => {
    expect(() => formatMessageIdHeader('')).toThrow(RangeError);
    expect(() => formatMessageIdHeader('a b@c')).toThrow(RangeError);
  });
});
