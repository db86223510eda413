import { describe, it, expect } from '@jest/globals';
import { createMailHeaders, type MailHeaders } from '../mail-headers.js';
import { MAIL_CLASSIFICATION_KINDS, classifyInboundMail, isAutomated, type InboundMailFacts } from '../classify-inbound-mail.js';

const OWN = ['biuro@firma.pl', 'Reklamacje@Firma.pl', 'pomoc@okienko.firma.pl'];
const DOMAIN = 'okienko.firma.pl';

function headers(lines: string): MailHeaders {
  return createMailHeaders(
    lines
      .trim()
      .split(/\n(?![ \t])/)
      .map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon), line.slice(colon + 1)] as const;
      }),
  );
}

function classify(raw: string, overrides: Partial<InboundMailFacts> = {}) {
  return classifyInboundMail({
    headers: headers(raw),
    envelopeFrom: 'jan.kowalski@klient.pl',
    fromAddress: null,
    ownAddresses: OWN,
    ownMessageIdDomain: DOMAIN,
    contentType: null,
    ...overrides,
  });
}

const GMAIL_HUMAN = `
Received: from mail-lf1-f41.google.com (mail-lf1-f41.google.com [209.85.167.41]) by mx.firma.pl (Postfix) with ESMTPS id 4N1x2Y3z4Q
DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=gmail.com; s=20230601; h=to:subject:message-id:date:from:mime-version
MIME-Version: 1.0
From: Jan Kowalski <jan.kowalski@gmail.com>
Date: Mon, 21 Nov 2026 10:00:00 +0100
Message-ID: <CAKx8Jd9qV2+Xy_ZpL0=rT4uW5@mail.gmail.com>
Subject: Re: [#2026-000123] Reklamacja zamówienia
To: biuro@firma.pl
In-Reply-To: <ticket-2026-000123.1@okienko.firma.pl>
References: <ticket-2026-000123.1@okienko.firma.pl>
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f6"
`;

const OUTLOOK_HUMAN_FORWARDED_BY_EXCHANGE_RULE = `
From: Anna Nowak <anna.nowak@klient.com.pl>
To: "biuro@firma.pl" <biuro@firma.pl>
Subject: ODP: [#2026-000123] Reklamacja zamówienia
Thread-Topic: [#2026-000123] Reklamacja zamówienia
Thread-Index: AQHZ7n2Lk9s1cJm0QkWq3b5Yx1x2Ag==
Date: Mon, 21 Nov 2026 09:00:01 +0000
Message-ID: <AM0PR03MB5601B8D2C3E4F5A6@AM0PR03MB5601.eurprd03.prod.outlook.com>
Accept-Language: pl-PL, en-US
Content-Language: pl-PL
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
X-MS-Exchange-Inbox-Rules-Loop: biuro@firma.pl
X-MS-Exchange-Organization-AuthAs: Internal
Content-Type: multipart/alternative; boundary="_000_AM0PR03MB5601B8D2_"
MIME-Version: 1.0
`;

describe('classifyInboundMail: people', () => {
  it('a Gmail reply is human, with no reasons', () => {
    expect(classify(GMAIL_HUMAN)).toEqual({ kind: 'human', automated: false, reasons: [] });
  });

  it('an Outlook mail redirected by an Exchange inbox rule of our own mailbox is still human', () => {
    expect(classify(OUTLOOK_HUMAN_FORWARDED_BY_EXCHANGE_RULE, { envelopeFrom: 'biuro@firma.pl' })).toEqual({
      kind: 'human',
      automated: false,
      reasons: [],
    });
  });

  it('a Thunderbird mail is human', () => {
    const raw = `
From: Piotr Wiśniewski <piotr@wisniewski.net.pl>
Subject: Zapytanie o fakturę korygującą
To: reklamacje@firma.pl
Message-ID: <3f9a1c2e-7b4d-4e0a-9c1f-2d8e6b5a4c3d@wisniewski.net.pl>
Date: Mon, 21 Nov 2026 10:00:00 +0100
User-Agent: Mozilla Thunderbird
Content-Language: pl
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit
`;
    expect(classify(raw, { contentType: 'text/plain; charset=UTF-8; format=flowed' }).kind).toBe('human');
  });

  it('an Apple Mail mail is human', () => {
    const raw = `
Content-Type: text/plain; charset=utf-8
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3774.600.62\\))
Subject: Re: Zamówienie 4471
From: Katarzyna Zielińska <kasia.zielinska@icloud.com>
Date: Mon, 21 Nov 2026 10:00:00 +0100
Message-Id: <A1B2C3D4-E5F6-47A8-9B0C-1D2E3F4A5B6C@icloud.com>
To: biuro@firma.pl
X-Mailer: Apple Mail (2.3774.600.62)
`;
    expect(classify(raw).kind).toBe('human');
  });

  it.each([
    ['Onet', 'Tomasz <tomasz.nowak@onet.pl>', '<1a2b3c4d5e6f.6a7b8c9d@poczta.onet.pl>', 'X-Mailer: Onet Poczta'],
    ['WP', 'Ewa <ewa.k@wp.pl>', '<a1b2c3d4e5f6@wp.pl>', 'X-WP-MailID: 1f2e3d4c5b6a'],
    ['Interia', 'Marek <marek@interia.pl>', '<kbhdjqweyfkuhxaigpvw@txoo>', 'X-Interia-Antivirus: OK'],
  ])('a mail from %s webmail is human', (_provider, from, messageId, extra) => {
    const raw = `
From: ${from}
To: biuro@firma.pl
Subject: Pytanie o status zamówienia
Message-ID: ${messageId}
${extra}
Content-Type: text/plain; charset=ISO-8859-2
`;
    expect(classify(raw).kind).toBe('human');
  });

  it('a customer writing about an absence is not an auto-reply: the subject alone never decides', () => {
    expect(classify(`${GMAIL_HUMAN}`.replace('Re: [#2026-000123] Reklamacja zamówienia', 'Nieobecność pracownika – prośba o zmianę terminu')).kind).toBe('human');
    expect(classify(`${GMAIL_HUMAN}`.replace('Re: [#2026-000123] Reklamacja zamówienia', 'Out of office equipment broken')).kind).toBe('human');
    expect(classify(`${GMAIL_HUMAN}`.replace('Re: [#2026-000123] Reklamacja zamówienia', 'Automatic reply: why did I get this?')).kind).toBe('human');
  });

  it('Feedback-ID alone does not make a mail bulk', () => {
    expect(classify(`${GMAIL_HUMAN}\nFeedback-ID: 1.eu-central-1.abcdEFGH=:AmazonSES`).kind).toBe('human');
  });

  it('X-Auto-Response-Suppress asking only to suppress receipts is no signal', () => {
    expect(classify(`${GMAIL_HUMAN}\nX-Auto-Response-Suppress: DR, RN, NRN`).kind).toBe('human');
  });

  it.each(['no', 'No', 'no (this is a person)', ''])('Auto-Submitted: %j is no signal', (value) => {
    expect(classify(`${GMAIL_HUMAN}\nAuto-Submitted: ${value}`).kind).toBe('human');
  });

  it.each(['X-Autoreply: no', 'X-Autoreply: false', 'X-Autorespond: 0', 'Precedence: normal', 'Precedence: first-class'])('%s is no signal', (line) => {
    expect(classify(`${GMAIL_HUMAN}\n${line}`).kind).toBe('human');
  });

  it('an unknown envelope sender (null) is not the null sender', () => {
    expect(classify(GMAIL_HUMAN, { envelopeFrom: null }).kind).toBe('human');
  });

  it('a Message-ID in a subdomain or a look-alike domain of ours is not ours', () => {
    expect(classify(GMAIL_HUMAN.replace('CAKx8Jd9qV2+Xy_ZpL0=rT4uW5@mail.gmail.com', 'abc@notokienko.firma.pl')).kind).toBe('human');
    expect(classify(GMAIL_HUMAN.replace('CAKx8Jd9qV2+Xy_ZpL0=rT4uW5@mail.gmail.com', 'abc@x.okienko.firma.pl')).kind).toBe('human');
  });

  it('In-Reply-To and References naming our ids do not make a loop (that is a reply)', () => {
    expect(classify(GMAIL_HUMAN).kind).toBe('human');
  });
});

describe('classifyInboundMail: automatic answers', () => {
  it('an Exchange out-of-office answer in English', () => {
    const raw = `
From: Anna Nowak <anna.nowak@klient.com.pl>
To: biuro@firma.pl
Subject: Automatic reply: [#2026-000123] Reklamacja zamówienia
Thread-Topic: [#2026-000123] Reklamacja zamówienia
Message-ID: <8c7d6e5f4a3b2c1d@DB9PR03MB7452.eurprd03.prod.outlook.com>
Auto-Submitted: auto-generated
X-Auto-Response-Suppress: All
X-MS-Exchange-Inbox-Rules-Loop: anna.nowak@klient.com.pl
Content-Type: text/plain; charset="iso-8859-2"
`;
    const result = classify(raw, { envelopeFrom: '' });
    expect(result.kind).toBe('auto_reply');
    expect(result.automated).toBe(true);
    expect(result.reasons).toEqual([
      'Auto-Submitted: auto-generated',
      'X-Auto-Response-Suppress: All',
      'Empty envelope sender (<>)',
      'Subject: Automatic reply: [#2026-000123] Reklamacja zamówienia',
    ]);
  });

  it('an Outlook out-of-office answer in Polish', () => {
    const raw = `
From: Anna Nowak <anna.nowak@klient.com.pl>
Subject: Odpowiedź automatyczna: [#2026-000123] Reklamacja zamówienia
Auto-Submitted: auto-replied
X-Auto-Response-Suppress: OOF, AutoReply
`;
    const result = classify(raw);
    expect(result.kind).toBe('auto_reply');
    expect(result.reasons).toContain('Auto-Submitted: auto-replied');
    expect(result.reasons).toContain('X-Auto-Response-Suppress: OOF, AutoReply');
    expect(result.reasons).toContain('Subject: Odpowiedź automatyczna: [#2026-000123] Reklamacja zamówienia');
  });

  it('a Gmail vacation responder', () => {
    const raw = `
From: Jan Kowalski <jan.kowalski@gmail.com>
Subject: Re: [#2026-000123] Reklamacja zamówienia
Auto-Submitted: auto-replied
Message-ID: <CAKx8Jd9-vacation@mail.gmail.com>
`;
    expect(classify(raw, { envelopeFrom: '<>' })).toEqual({
      kind: 'auto_reply',
      automated: true,
      reasons: ['Auto-Submitted: auto-replied', 'Empty envelope sender (<>)'],
    });
  });

  it('an RFC 3834 answer with parameters on Auto-Submitted', () => {
    const result = classify(`${GMAIL_HUMAN}\nAuto-Submitted: Auto-Replied; owner-email="jan@klient.pl"`);
    expect(result.kind).toBe('auto_reply');
    expect(result.reasons).toEqual(['Auto-Submitted: Auto-Replied; owner-email="jan@klient.pl"']);
  });

  it('auto-notified counts too', () => {
    expect(classify(`${GMAIL_HUMAN}\nAuto-Submitted: auto-notified`).kind).toBe('auto_reply');
  });

  it('takes the decoded subject when given, since the header may still be encoded', () => {
    const raw = `
From: Anna Nowak <anna.nowak@klient.com.pl>
Subject: =?utf-8?Q?Odpowied=C5=BA_automatyczna:_Zam=C3=B3wienie?=
`;
    expect(classify(raw, { envelopeFrom: '' }).reasons).toEqual(['Empty envelope sender (<>)']);
    expect(classify(raw, { envelopeFrom: '', subject: 'Odpowiedź automatyczna: Zamówienie' }).reasons).toEqual([
      'Empty envelope sender (<>)',
      'Subject: Odpowiedź automatyczna: Zamówienie',
    ]);
    expect(classify(raw, { envelopeFrom: '', subject: null }).reasons).toEqual(['Empty envelope sender (<>)']);
  });

  it('a decoded bounce subject is used too', () => {
    const raw = 'From: system@klient.com.pl\nSubject: =?iso-8859-2?Q?Nie_mo=BFna_dostarczy=E6?=';
    expect(classify(raw, { envelopeFrom: '' }).kind).toBe('auto_reply');
    expect(classify(raw, { envelopeFrom: '', subject: 'Nie można dostarczyć: Zamówienie' }).kind).toBe('bounce');
  });

  it('an Onet autoresponder (Autoodpowiedź + X-Autoreply)', () => {
    const raw = `
From: Tomasz <tomasz.nowak@onet.pl>
Subject: Autoodpowiedź: Pytanie o status zamówienia
X-Autoreply: yes
Message-ID: <autoreply.1a2b3c@poczta.onet.pl>
`;
    const result = classify(raw);
    expect(result.kind).toBe('auto_reply');
    expect(result.reasons).toEqual(['X-Autoreply: yes', 'Subject: Autoodpowiedź: Pytanie o status zamówienia']);
  });

  it('X-Autorespond', () => {
    expect(classify(`${GMAIL_HUMAN}\nX-Autorespond: Nieobecność do 30.11`).reasons).toEqual(['X-Autorespond: Nieobecność do 30.11']);
  });

  it('Precedence: auto_reply', () => {
    expect(classify(`${GMAIL_HUMAN}\nPrecedence: auto_reply`)).toEqual({
      kind: 'auto_reply',
      automated: true,
      reasons: ['Precedence: auto_reply'],
    });
  });

  it('the Unix vacation program marks its answer bulk, but the subject shows it is an auto-reply', () => {
    const raw = `
From: Marek <marek@serwer.uczelnia.edu.pl>
Subject: Out of Office: Pytanie o fakturę
Precedence: bulk
`;
    const result = classify(raw);
    expect(result.kind).toBe('auto_reply');
    expect(result.reasons).toEqual(['Subject: Out of Office: Pytanie o fakturę', 'Precedence: bulk']);
  });

  it.each([
    'Automatic reply: Zamówienie',
    'Auto: Zamówienie',
    'AutoReply: Zamówienie',
    'Auto-Reply: Zamówienie',
    'Automated response',
    'Odpowiedź automatyczna: Zamówienie',
    'Autoodpowiedz: Zamówienie',
    'Nieobecność w biurze',
    'Poza biurem do 2 grudnia',
    'Out of the office',
    'Automatische Antwort: Bestellung',
    'RE: Automatic reply: Zamówienie',
  ])('subject %j with an empty envelope sender is an auto-reply with both reasons', (subject) => {
    const result = classify(`From: a@klient.pl\nSubject: ${subject}`, { envelopeFrom: '' });
    expect(result.kind).toBe('auto_reply');
    expect(result.reasons).toEqual(['Empty envelope sender (<>)', `Subject: ${subject}`]);
  });

  it('an empty envelope sender alone makes a mail an auto-reply', () => {
    for (const envelopeFrom of ['', '<>', ' <> ', '< >']) {
      expect(classify(GMAIL_HUMAN, { envelopeFrom })).toEqual({ kind: 'auto_reply', automated: true, reasons: ['Empty envelope sender (<>)'] });
    }
  });

  it('with the envelope unknown, an empty Return-Path header counts as the null sender', () => {
    expect(classify(`Return-Path: <>\n${GMAIL_HUMAN}`, { envelopeFrom: null }).reasons).toEqual(['Empty envelope sender (<>)']);
    expect(classify(`Return-Path: <jan.kowalski@gmail.com>\n${GMAIL_HUMAN}`, { envelopeFrom: null }).kind).toBe('human');
  });

  it('a known envelope sender wins over the Return-Path header', () => {
    expect(classify(`Return-Path: <>\n${GMAIL_HUMAN}`, { envelopeFrom: 'jan.kowalski@gmail.com' }).kind).toBe('human');
  });

  it('an X-Loop of another ticket system: another machine handled it', () => {
    const result = classify(`${GMAIL_HUMAN}\nX-Loop: helpdesk@dostawca.pl`);
    expect(result.kind).toBe('auto_reply');
    expect(result.reasons).toEqual(['X-Loop: helpdesk@dostawca.pl (handled by another automated system)']);
  });

  it('an Outlook read receipt (multipart/report; report-type=disposition-notification)', () => {
    const raw = `
From: Anna Nowak <anna.nowak@klient.com.pl>
Subject: Przeczytano: [#2026-000123] Reklamacja zamówienia
Content-Type: multipart/report; report-type=disposition-notification;\r\n\tboundary="----=_NextPart_000_0001"
`;
    const result = classify(raw);
    expect(result.kind).toBe('auto_reply');
    expect(result.reasons).toEqual(['Content-Type: multipart/report; report-type=disposition-notification (read receipt)']);
  });

  it('another multipart/report (a spam feedback report) is an automatic report', () => {
    const result = classify('From: abuse@isp.pl', { contentType: 'multipart/report; report-type=feedback-report; boundary="x"' });
    expect(result.kind).toBe('auto_reply');
    expect(result.reasons).toEqual(['Content-Type: multipart/report; report-type=feedback-report (automatic report)']);
  });
});

describe('classifyInboundMail: bounces', () => {
  it('a Postfix bounce', () => {
    const raw = `
Return-Path: <>
From: MAILER-DAEMON@mx.firma.pl (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: pomoc@okienko.firma.pl
Auto-Submitted: auto-replied
Message-Id: <20261121090002.4N1x2Y3z4Q@mx.firma.pl>
Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary="4N1x2Y3z4Q.1763715602/mx.firma.pl"
`;
    const result = classify(raw, { envelopeFrom: '' });
    expect(result.kind).toBe('bounce');
    expect(result.automated).toBe(true);
    expect(result.reasons).toEqual([
      'Content-Type: multipart/report; report-type=delivery-status',
      'Empty envelope sender and From mailer-daemon@mx.firma.pl (mail system)',
      'From: Mail Delivery System',
      'Empty envelope sender and subject "Undelivered Mail Returned to Sender"',
      'Auto-Submitted: auto-replied',
    ]);
  });

  it('a Gmail bounce (parameters in another order, X-Failed-Recipients)', () => {
    const raw = `
From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: pomoc@okienko.firma.pl
Auto-Submitted: auto-replied
Subject: Delivery Status Notification (Failure)
X-Failed-Recipients: nieistniejacy@gmail.com
Message-ID: <6563a1b2.050a0220.abcd.0000.GMR@mx.google.com>
`;
    const result = classify(raw, { envelopeFrom: '<>', contentType: 'multipart/report; boundary="000000000000f1e2d3"; report-type=delivery-status' });
    expect(result.kind).toBe('bounce');
    expect(result.reasons.slice(0, 3)).toEqual([
      'Content-Type: multipart/report; report-type=delivery-status',
      'X-Failed-Recipients: nieistniejacy@gmail.com',
      'Empty envelope sender and From mailer-daemon@googlemail.com (mail system)',
    ]);
    expect(result.reasons).toContain('From: Mail Delivery Subsystem');
    expect(result.reasons).toContain('Auto-Submitted: auto-replied');
  });

  it('an Exim bounce in plain text (home.pl)', () => {
    const raw = `
From: Mail Delivery System <Mailer-Daemon@serwer1234.home.pl>
To: pomoc@okienko.firma.pl
Subject: Mail delivery failed: returning message to sender
X-Failed-Recipients: stary.adres@klient.pl
Auto-Submitted: auto-replied
Content-Type: text/plain; charset=us-ascii
`;
    expect(classify(raw, { envelopeFrom: '' }).kind).toBe('bounce');
    // even when the envelope is unknown
    expect(classify(raw, { envelopeFrom: null }).kind).toBe('bounce');
  });

  it('an Exchange Online NDR with a quoted and capitalised report type', () => {
    const raw = `
From: Microsoft Outlook <postmaster@klient.onmicrosoft.com>
To: <pomoc@okienko.firma.pl>
Subject: Undeliverable: [#2026-000123] Reklamacja zamówienia
Content-Type: Multipart/Report; Report-Type="Delivery-Status";\r\n\tboundary="b1_abc"
X-MS-Exchange-Message-Is-Ndr:
`;
    const result = classify(raw, { envelopeFrom: '' });
    expect(result.kind).toBe('bounce');
    expect(result.reasons[0]).toBe('Content-Type: multipart/report; report-type=delivery-status');
  });

  it('a Polish Exchange NDR from an unknown address: empty envelope + "Niedostarczalne:" subject', () => {
    const raw = `
From: Administrator poczty <system@klient.com.pl>
Subject: Niedostarczalne: [#2026-000123] Reklamacja zamówienia
Content-Type: text/plain; charset="utf-8"
`;
    const result = classify(raw, { envelopeFrom: '' });
    expect(result.kind).toBe('bounce');
    expect(result.reasons).toEqual(['Empty envelope sender and subject "Niedostarczalne: [#2026-000123] Reklamacja zamówienia"']);
  });

  it('a bounce subject with a real envelope sender is not a bounce', () => {
    expect(classify('From: jan@klient.pl\nSubject: Undeliverable: co to znaczy?').kind).toBe('human');
  });

  it.each(['MAILER-DAEMON@poczta.onet.pl', 'mailer-daemon@wp.pl', 'postmaster@interia.pl', 'Postmaster@klient.pl'])('From %s is a bounce', (from) => {
    const result = classify(`From: ${from}\nSubject: Zwrot niedostarczonej poczty`);
    expect(result.kind).toBe('bounce');
    expect(result.reasons).toEqual([`From ${from.toLowerCase()} (mail system)`]);
  });

  it('a Mail Delivery System display name alone is enough', () => {
    expect(classify('From: "Mail Delivery System" <bounces@mx.klient.pl>').reasons).toEqual(['From: Mail Delivery System']);
  });

  it('reads the Content-Type header when no content type is given', () => {
    expect(classify('Content-Type: multipart/report; report-type="delivery-status"; boundary="x"').kind).toBe('bounce');
  });

  it('a bounce also carrying auto-reply and list headers is still a bounce', () => {
    const result = classify('From: MAILER-DAEMON@mx.lista.pl\nAuto-Submitted: auto-replied\nList-Id: <klienci.lista.pl>');
    expect(result.kind).toBe('bounce');
    expect(result.reasons).toEqual(['From mailer-daemon@mx.lista.pl (mail system)', 'Auto-Submitted: auto-replied', 'List-Id: <klienci.lista.pl>']);
  });
});

describe('classifyInboundMail: bulk', () => {
  it.each(['bulk', 'junk', 'list', 'Bulk', 'LIST'])('Precedence: %s', (value) => {
    expect(classify(`${GMAIL_HUMAN}\nPrecedence: ${value}`)).toEqual({ kind: 'bulk', automated: true, reasons: [`Precedence: ${value}`] });
  });

  it('a Google Groups message', () => {
    const raw = `
From: Jan Kowalski <jan.kowalski@gmail.com>
Subject: [klienci-firmy] Nowy cennik
List-Id: <klienci-firmy.googlegroups.com>
List-Post: <https://groups.google.com/group/klienci-firmy/post>, <mailto:klienci-firmy@googlegroups.com>
List-Unsubscribe: <mailto:googlegroups-manage+123456789+unsubscribe@googlegroups.com>,\r\n <https://groups.google.com/group/klienci-firmy/subscribe>
Precedence: list
Mailing-list: list klienci-firmy@googlegroups.com; contact klienci-firmy+owners@googlegroups.com
`;
    const result = classify(raw);
    expect(result.kind).toBe('bulk');
    expect(result.reasons).toEqual([
      'Precedence: list',
      'List-Id: <klienci-firmy.googlegroups.com>',
      // unfolded onto one line, shortened to 120 characters
      'List-Unsubscribe: <mailto:googlegroups-manage+123456789+unsubscribe@googlegroups.com>, <https://groups.google.com/group/klienci-firmy/sub…',
    ]);
  });

  it('a newsletter with only List-Unsubscribe (and Feedback-ID)', () => {
    const raw = `
From: Sklep Meblowy <sklep@meble.pl>
Subject: Black Friday -40%
List-Unsubscribe: <https://meble.pl/wypisz?u=abc>
List-Unsubscribe-Post: List-Unsubscribe=One-Click
Feedback-ID: 123:456:newsletter:meble
`;
    expect(classify(raw).reasons).toEqual(['List-Unsubscribe: <https://meble.pl/wypisz?u=abc>']);
  });

  it('X-Mailing-List', () => {
    expect(classify(`${GMAIL_HUMAN}\nX-Mailing-List: <pld-users-pl@lists.pld-linux.org>`).kind).toBe('bulk');
  });

  it('shortens very long header values in reasons', () => {
    const url = `https://newsletter.example.pl/unsubscribe?token=${'x'.repeat(300)}`;
    const [reason] = classify(`From: a@b.pl\nList-Unsubscribe: <${url}>`).reasons;
    expect(reason).toHaveLength(120 + 'List-Unsubscribe: '.length);
    expect(reason?.endsWith('…')).toBe(true);
  });

  it.each([
    'noreply@allegro.pl',
    'no-reply@accounts.google.com',
    'No_Reply@bank.pl',
    'noreply+faktury@fakturownia.pl',
    'shop-noreply@sklep.pl',
    'do-not-reply@ups.com',
    'DoNotReply@microsoft.com',
    'donotreply@inpost.pl',
    'nie-odpowiadaj@mbank.pl',
    'nieodpowiadaj@poczta-polska.pl',
    'newsletter@onet.pl',
    'newsletter.pl@media-markt.pl',
    'notifications@github.com',
    'notification@slack.com',
  ])('a sender %s nobody can answer', (address) => {
    const result = classify(`From: Powiadomienie <${address}>\nSubject: Twoje zamówienie zostało wysłane`);
    expect(result.kind).toBe('bulk');
    expect(result.reasons).toEqual([`From ${address.toLowerCase()} is a no-reply or notification sender`]);
  });

  it('uses the fromAddress given rather than the From header', () => {
    const result = classify('From: Jan <jan@klient.pl>', { fromAddress: 'noreply@klient.pl' });
    expect(result.kind).toBe('bulk');
    expect(classify('From: noreply@klient.pl', { fromAddress: 'jan@klient.pl' }).kind).toBe('human');
  });

  it.each(['reply@klient.pl', 'jan.noreplica@klient.pl', 'news@klient.pl', 'biuro.notariusz@klient.pl'])(
    '%s is an ordinary sender',
    (address) => {
      expect(classify(`From: ${address}`).kind).toBe('human');
    },
  );
});

describe('classifyInboundMail: loops', () => {
  it('our own From address came back (any case)', () => {
    const result = classify('From: Firma – Biuro Obsługi <BIURO@firma.pl>\nSubject: [#2026-000123] Reklamacja zamówienia');
    expect(result).toEqual({ kind: 'loop', automated: true, reasons: ['From is our own address biuro@firma.pl'] });
  });

  it('compares own addresses written with any case or with a display name', () => {
    expect(classify('From: reklamacje@firma.pl').kind).toBe('loop');
    expect(classifyInboundMail({
      headers: {},
      envelopeFrom: 'x@y.pl',
      fromAddress: 'Biuro@firma.PL',
      ownAddresses: ['Biuro <biuro@firma.pl>'],
      ownMessageIdDomain: DOMAIN,
      contentType: null,
    }).kind).toBe('loop');
  });

  it('our own Message-ID came back', () => {
    const result = classify('From: jan@klient.pl\nMessage-ID: <ticket-2026-000123.7f3a9c@Okienko.Firma.PL>');
    expect(result).toEqual({ kind: 'loop', automated: true, reasons: ['Message-ID <ticket-2026-000123.7f3a9c@Okienko.Firma.PL> is one of ours'] });
  });

  it('does not check Message-IDs when no own domain is configured', () => {
    expect(classify('From: jan@klient.pl\nMessage-ID: <abc@okienko.firma.pl>', { ownMessageIdDomain: '' }).kind).toBe('human');
    expect(classify('From: jan@klient.pl\nMessage-ID: <abc@okienko.firma.pl>', { ownMessageIdDomain: '@okienko.firma.pl' }).kind).toBe('loop');
  });

  it.each(['okienko', 'Okienko helpdesk', 'biuro@firma.pl', 'POMOC@okienko.firma.pl'])('X-Loop: %s is ours', (value) => {
    const result = classify(`${GMAIL_HUMAN}\nX-Loop: ${value}`);
    expect(result.kind).toBe('loop');
    expect(result.reasons).toEqual([`X-Loop: ${value}`]);
  });

  it('looks at every X-Loop header', () => {
    const result = classify(`${GMAIL_HUMAN}\nX-Loop: helpdesk@dostawca.pl\nX-Loop: okienko`);
    expect(result.kind).toBe('loop');
    expect(result.reasons).toEqual(['X-Loop: okienko', 'X-Loop: helpdesk@dostawca.pl (handled by another automated system)']);
  });

  it('a customer auto-reply to our auto-reply, carrying our From: loop wins and every signal is listed', () => {
    const raw = `
From: pomoc@okienko.firma.pl
Subject: Automatic reply: Potwierdzenie zgłoszenia
Message-ID: <ack.2026-000123@okienko.firma.pl>
Auto-Submitted: auto-replied
X-Loop: okienko
Precedence: bulk
`;
    const result = classify(raw, { envelopeFrom: '' });
    expect(result.kind).toBe('loop');
    expect(result.reasons).toEqual([
      'X-Loop: okienko',
      'From is our own address pomoc@okienko.firma.pl',
      'Message-ID <ack.2026-000123@okienko.firma.pl> is one of ours',
      'Auto-Submitted: auto-replied',
      'Empty envelope sender (<>)',
      'Subject: Automatic reply: Potwierdzenie zgłoszenia',
      'Precedence: bulk',
    ]);
  });

  it('X-MS-Exchange-Inbox-Rules-Loop naming our mailbox is no loop by itself', () => {
    expect(classify(`${GMAIL_HUMAN}\nX-MS-Exchange-Inbox-Rules-Loop: biuro@firma.pl`).kind).toBe('human');
  });
});

describe('classifyInboundMail: robustness', () => {
  it('reads the From header when fromAddress is null, in every common form', () => {
    for (const from of ['noreply@allegro.pl', '<noreply@allegro.pl>', '"Allegro" <noreply@allegro.pl>', 'noreply@allegro.pl (Allegro)']) {
      expect(classify(`From: ${from}`).kind).toBe('bulk');
    }
  });

  it('copes with no headers at all', () => {
    expect(classifyInboundMail({ headers: {}, envelopeFrom: null, fromAddress: null, ownAddresses: [], ownMessageIdDomain: '', contentType: null })).toEqual({
      kind: 'human',
      automated: false,
      reasons: [],
    });
  });

  it('automated is true exactly when the kind is not human', () => {
    const samples = [
      classify(GMAIL_HUMAN),
      classify(`${GMAIL_HUMAN}\nPrecedence: bulk`),
      classify(`${GMAIL_HUMAN}\nAuto-Submitted: auto-replied`),
      classify('From: mailer-daemon@x.pl'),
      classify('From: biuro@firma.pl'),
    ];
    expect(samples.map((sample) => sample.kind)).toEqual(['human', 'bulk', 'auto_reply', 'bounce', 'loop']);
    for (const sample of samples) expect(sample.automated).toBe(sample.kind !== 'human');
  });
});

describe('isAutomated', () => {
  it.each(MAIL_CLASSIFICATION_KINDS)('%s', (kind) => {
    expect(isAutomated({ kind, automated: kind !== 'human', reasons: [] })).toBe(kind !== 'human');
  });
});
