import { describe, it, expect } from '@jest/globals';
import { createMailHeaders, headerValue, headerValues, type MailHeaders } from '../mail-headers.js';

const outlookHeaders: MailHeaders = {
  received: [
    'from AM0PR03MB5601.eurprd03.prod.outlook.com (2603:10a6:208:11c::15) by DB9PR03MB7452.eurprd03.prod.outlook.com with HTTPS; Mon, 21 Nov 2026 09:00:01 +0000',
    'from mx.firma.pl (mx.firma.pl [203.0.113.10]) by mail.okienko.firma.pl (Postfix) with ESMTPS id 4N1x2Y3z4Q;\r\n\tMon, 21 Nov 2026 10:00:02 +0100 (CET)',
  ],
  from: ['Jan Kowalski <jan.kowalski@klient.pl>'],
  subject: ['  RE: [#2026-000123] Reklamacja zamówienia  '],
  'thread-topic': ['Reklamacja zamówienia'],
  'x-ms-has-attach': [''],
  'message-id': ['<AM0PR03MB5601B8D2@AM0PR03MB5601.eurprd03.prod.outlook.com>'],
};

describe('headerValue', () => {
  it('gives the first value, trimmed', () => {
    expect(headerValue(outlookHeaders, 'subject')).toBe('RE: [#2026-000123] Reklamacja zamówienia');
    expect(headerValue(outlookHeaders, 'received')).toMatch(/^from AM0PR03MB5601/);
  });

  it('finds a header whatever the case of the name asked for', () => {
    expect(headerValue(outlookHeaders, 'Message-ID')).toBe('<AM0PR03MB5601B8D2@AM0PR03MB5601.eurprd03.prod.outlook.com>');
    expect(headerValue(outlookHeaders, 'THREAD-TOPIC')).toBe('Reklamacja zamówienia');
    expect(headerValue(outlookHeaders, ' from ')).toBe('Jan Kowalski <jan.kowalski@klient.pl>');
  });

  it('is undefined for a header the mail does not have', () => {
    expect(headerValue(outlookHeaders, 'auto-submitted')).toBeUndefined();
    expect(headerValue({}, 'subject')).toBeUndefined();
    expect(headerValue({ subject: [] }, 'subject')).toBeUndefined();
  });

  it('is an empty string for a header present without a value (Outlook X-MS-Has-Attach)', () => {
    expect(headerValue(outlookHeaders, 'x-ms-has-attach')).toBe('');
  });

  it('never reads Object.prototype members as headers', () => {
    expect(headerValue(outlookHeaders, 'constructor')).toBeUndefined();
    expect(headerValue(outlookHeaders, '__proto__')).toBeUndefined();
    expect(headerValue(outlookHeaders, 'toString')).toBeUndefined();
    expect(headerValues(outlookHeaders, 'hasOwnProperty')).toEqual([]);
  });

  it('unfolds a folded value', () => {
    const headers: MailHeaders = {
      references: ['<CAKx8Jd9q=V2@mail.gmail.com>\r\n <CAKx8Jd9q=V3@mail.gmail.com>\r\n\t<CAKx8Jd9q=V4@mail.gmail.com>'],
    };
    expect(headerValue(headers, 'references')).toBe('<CAKx8Jd9q=V2@mail.gmail.com> <CAKx8Jd9q=V3@mail.gmail.com> <CAKx8Jd9q=V4@mail.gmail.com>');
  });

  it('tolerates a map keyed by the original spelling of the header', () => {
    const headers: MailHeaders = { 'Auto-Submitted': ['auto-replied'], 'X-Auto-Response-Suppress': ['All'] };
    expect(headerValue(headers, 'auto-submitted')).toBe('auto-replied');
    expect(headerValue(headers, 'X-AUTO-RESPONSE-SUPPRESS')).toBe('All');
  });
});

describe('headerValues', () => {
  it('gives every value in message order, unfolded and trimmed', () => {
    expect(headerValues(outlookHeaders, 'Received')).toEqual([
      'from AM0PR03MB5601.eurprd03.prod.outlook.com (2603:10a6:208:11c::15) by DB9PR03MB7452.eurprd03.prod.outlook.com with HTTPS; Mon, 21 Nov 2026 09:00:01 +0000',
      'from mx.firma.pl (mx.firma.pl [203.0.113.10]) by mail.okienko.firma.pl (Postfix) with ESMTPS id 4N1x2Y3z4Q; Mon, 21 Nov 2026 10:00:02 +0100 (CET)',
    ]);
  });

  it('is empty for a missing header', () => {
    expect(headerValues(outlookHeaders, 'x-loop')).toEqual([]);
  });

  it('returns a copy the caller may change', () => {
    const values = headerValues(outlookHeaders, 'received');
    values.push('extra');
    expect(headerValues(outlookHeaders, 'received')).toHaveLength(2);
  });
});

describe('createMailHeaders', () => {
  it('groups repeated headers under their lower-case name, keeping order', () => {
    const headers = createMailHeaders([
      ['Received', 'from a by b'],
      ['X-Loop', 'rt@helpdesk.dostawca.pl'],
      ['RECEIVED', 'from c by d'],
      ['Subject', 'Zapytanie ofertowe'],
    ]);
    expect(headerValues(headers, 'received')).toEqual(['from a by b', 'from c by d']);
    expect(headerValue(headers, 'x-loop')).toBe('rt@helpdesk.dostawca.pl');
    expect(Object.keys(headers).sort()).toEqual(['received', 'subject', 'x-loop']);
  });

  it('skips entries without a name and accepts a header literally named like a prototype member', () => {
    const headers = createMailHeaders([
      ['', 'nothing'],
      ['  ', 'nothing'],
      ['constructor', 'odd but harmless'],
    ]);
    expect(Object.keys(headers)).toEqual(['constructor']);
    expect(headerValue(headers, 'constructor')).toBe('odd but harmless');
  });
});
