import { describe, expect, it } from '@jest/globals';
import iconv from 'iconv-lite';
import { detectCharset } from '../detect-charset.js';
import { parseInboundMail } from '../parse-inbound-mail.js';

// Mail as old or foreign mail programs write it: raw 8-bit headers in a
// legacy charset (no encoded words), bodies without a declared charset,
// From without an address, Reply-To, and bytes PostgreSQL text cannot hold.

/** A mail from header lines (strings are written in `charset`, Buffers as they are) and a body. */
function mail(headers: (string | Buffer)[], body: string | Buffer, charset = 'utf-8'): Buffer {
  const lines = headers.map((h) => (Buffer.isBuffer(h) ? h : iconv.encode(h, charset)));
  const parts: Buffer[] = [];
  for (const line of lines) parts.push(line, Buffer.from('\r\n'));
  parts.push(Buffer.from('\r\n'), Buffer.isBuffer(body) ? body : iconv.encode(body, charset));
  return Buffer.concat(parts);
}

const base = (id: string) => ['To: biuro@rowerownia.pl', 'Date: Mon, 07 Dec 2026 10:00:00 +0100', `Message-ID: <${id}@test>`, 'MIME-Version: 1.0'];

describe('parseInboundMail: raw 8-bit headers in legacy charsets', () => {
  const cases: [charset: string, declared: string | null, from: string, subject: string, body: string][] = [
    ['gb2312', 'gb2312', '张伟', '转发：整改完成的通知', '您好，整改已经完成，请查收附件。'],
    ['gb2312', null, '张伟', '转发：整改完成的通知', '您好，整改已经完成，请查收附件。谢谢！'],
    ['shift_jis', 'iso-2022-jp', '山田太郎', '転送：見積書の確認のお願い', 'お世話になっております。'],
    ['shift_jis', null, '山田太郎', '転送：見積書の確認のお願い', 'お世話になっております。見積書をお送りします。'],
    ['iso-8859-2', 'iso-8859-2', 'Łucja Źrebięcka', 'Zażółć gęślą jaźń - zwrot łańcucha', 'Dzień dobry, zwracam łańcuch.'],
    ['iso-8859-2', null, 'Łucja Źrebięcka', 'Zażółć gęślą jaźń - zwrot łańcucha', 'Dzień dobry, zwracam łańcuch.'],
    ['windows-1250', null, 'Świętosław Źdźbło', 'Śruba źle wkręcona w pedał', 'Proszę o wymianę śruby, źle wkręcona.'],
    ['windows-1250', 'windows-1250', 'Świętosław Źdźbło', 'Śruba źle wkręcona w pedał', 'Proszę o wymianę śruby.'],
    ['koi8-r', null, 'Иван Петров', 'Заказ номер 12: вопрос о доставке', 'Здравствуйте, когда будет доставка?'],
    ['windows-1252', 'iso-8859-1', 'Jürgen Müller', 'Kundenanfrage: zwölf Bücher für Müller', 'Grüße aus München'],
  ];

  it.each(cases)('%s (body declares %s): From "%s", Subject "%s"', async (charset, declared, name, subject, body) => {
    const raw = mail(
      [`From: ${name} <klient@example.com>`, `Subject: ${subject}`, ...base(`${charset}-${declared}`),
        declared ? `Content-Type: text/plain; charset=${declared}` : 'Content-Type: text/plain', 'Content-Transfer-Encoding: 8bit'],
      // A body declared ISO-2022-JP is 7-bit; the raw Shift_JIS subject is the sender's mistake.
      declared === 'iso-2022-jp' ? 'Otsukaresama desu.' : body,
      charset,
    );
    const parsed = await parseInboundMail(raw);
    expect(parsed.subject).toBe(subject);
    expect(parsed.from).toEqual({ email: 'klient@example.com', name });
    if (declared !== 'iso-2022-jp') expect(parsed.text).toBe(body);
  });

  it('reads a text part without a charset inside a multipart mail', async () => {
    const raw = mail(
      ['From: Bozena <bozena@example.com>', 'Subject: Zwrot', ...base('multi'), 'Content-Type: multipart/alternative; boundary="b1"'],
      Buffer.concat([
        Buffer.from('--b1\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'),
        Buffer.from('Zwracam ='),
        Buffer.from('B3'),
        Buffer.from('=F3d=BC, prosz=EA o zwrot.\r\n--b1--\r\n'),
      ]),
    );
    const parsed = await parseInboundMail(raw);
    expect(parsed.text).toBe('Zwracam łódź, proszę o zwrot.');
  });

  it.each(['x-unknown', 'unknown-8bit', 'us-ascii'])('reads an 8-bit body declared %s in the detected charset', async (declared) => {
    const raw = mail(
      ['From: Bozena <bozena@example.com>', 'Subject: Zwrot', ...base(declared), `Content-Type: text/plain; charset="${declared}"`, 'Content-Transfer-Encoding: 8bit'],
      'Zwracam łódź, proszę o zwrot pieniędzy.',
      'iso-8859-2',
    );
    expect((await parseInboundMail(raw)).text).toBe('Zwracam łódź, proszę o zwrot pieniędzy.');
  });

  it('reads a raw 8-bit attachment name in the charset of the mail', async () => {
    const raw = mail(
      ['From: =?GB2312?B?1cXOsA==?= <zhang@example.com>', 'Subject: =?GB2312?B?vKjQp7ncwO0=?=', ...base('gb-file'), 'Content-Type: multipart/mixed; boundary="b"'],
      Buffer.concat([
        Buffer.from('--b\r\nContent-Type: text/plain; charset="GB2312"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
        iconv.encode('请查收附件。', 'gb2312'),
        Buffer.from('\r\n--b\r\nContent-Type: application/octet-stream;\r\n name="'),
        iconv.encode('绩效管理.xls', 'gb2312'),
        Buffer.from('"\r\nContent-Disposition: attachment;\r\n filename="'),
        iconv.encode('绩效管理.xls', 'gb2312'),
        Buffer.from('"\r\nContent-Transfer-Encoding: base64\r\n\r\n0M8R4KGxGuE=\r\n--b--\r\n'),
      ]),
    );
    const parsed = await parseInboundMail(raw);
    expect(parsed.subject).toBe('绩效管理');
    expect(parsed.text).toBe('请查收附件。');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['绩效管理.xls']);
  });

  it('reads an HTML part without a MIME charset in the charset its <meta> names', async () => {
    const html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><p>您好，请查收附件。</p></body></html>';
    const raw = mail(['From: a@example.com', 'Subject: x', ...base('meta'), 'Content-Type: text/html', 'Content-Transfer-Encoding: 8bit'], html, 'gbk');
    expect((await parseInboundMail(raw)).html).toContain('您好，请查收附件。');
  });

  it('keeps a UTF-8 body with a broken byte as UTF-8', async () => {
    const raw = mail(
      ['From: Bozena <bozena@example.com>', 'Subject: Zwrot', ...base('broken-utf8'), 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit'],
      Buffer.concat([Buffer.from('Zwracam łódź '), Buffer.from([0xff]), Buffer.from(' dziś')]),
    );
    expect((await parseInboundMail(raw)).text).toBe('Zwracam łódź \uFFFD dziś');
  });

  it('leaves raw UTF-8 headers and declared charsets as they are', async () => {
    const raw = mail(['From: Bartłomiej Łęcki <b@example.com>', 'Subject: Łańcuch – pilne', ...base('utf8'), 'Content-Type: text/plain; charset=utf-8'], 'Jeżdżę po Łodzi');
    const parsed = await parseInboundMail(raw);
    expect(parsed.subject).toBe('Łańcuch – pilne');
    expect(parsed.from.name).toBe('Bartłomiej Łęcki');
    expect(parsed.text).toBe('Jeżdżę po Łodzi');
  });
});

describe('detectCharset', () => {
  it.each([
    ['iso-8859-2', 'Ślęża i Łódź: ąśź'],
    ['windows-1250', 'Ślęża i Łódź: ąśź'],
    ['windows-1252', 'Réponse automatique : absence jusqu’au lundi'],
    ['windows-1252', '¿Qué tal? Mañana'],
    ['gb18030', '转发：整改完成的通知'],
    ['shift_jis', '転送：見積書の確認のお願い'],
    ['koi8-r', 'Заказ номер 12: вопрос о доставке'],
    ['windows-1251', 'Заказ номер 12: вопрос о доставке'],
    ['windows-1251', 'Заказ'],
    ['koi8-r', 'Привет'],
    ['windows-1253', 'Παραγγελία'],
    ['gb18030', '你好'],
    ['big5', '轉寄：請確認報價'],
    ['euc-kr', '문의'],
    ['shift_jis', '見積書'],
    ['windows-1252', 'Grüße aus München'],
    ['windows-1252', 'Zwölf'],
    ['iso-8859-2', 'Zażółć'],
    ['iso-8859-2', 'Dzień dobry'],
    ['windows-1250', 'Proszę o kontakt'],
    ['iso-8859-2', 'Dobrý den, děkuji'],
    ['windows-1252', 'Señor García, ¿qué tal?'],
    ['windows-1252', 'Crème brûlée, être prêt'],
  ])('%s: %s', (charset, text) => {
    const bytes = iconv.encode(text, charset);
    expect(iconv.decode(bytes, detectCharset(bytes))).toBe(text);
  });
});

describe('parseInboundMail: From and Reply-To', () => {
  it('takes the address from Reply-To when From has only a name', async () => {
    const raw = mail(['From: Jan Kowalski', 'Reply-To: Jan Kowalski <jan.kowalski@example.com>', 'Subject: Pytanie', ...base('noaddr')], 'Treść');
    const parsed = await parseInboundMail(raw);
    expect(parsed.from).toEqual({ email: 'jan.kowalski@example.com', name: 'Jan Kowalski' });
  });

  it('names the Reply-To addresses when they differ from From, and none when they are From', async () => {
    const differ = await parseInboundMail(mail(['From: Formularz <formularz@sklep.example>', 'Reply-To: Anna Nowak <Anna.Nowak@example.com>', 'Subject: Kontakt', ...base('rt')], 'x'));
    expect(differ.from.email).toBe('formularz@sklep.example');
    expect(differ.replyTo).toEqual(['anna.nowak@example.com']);
    const same = await parseInboundMail(mail(['From: Anna <anna@example.com>', 'Reply-To: anna@example.com', 'Subject: Kontakt', ...base('rt2')], 'x'));
    expect(same.replyTo).toEqual([]);
  });
});

describe('parseInboundMail: text PostgreSQL cannot store', () => {
  it('removes NUL from the subject, names, text, HTML and file names', async () => {
    const raw = mail(
      ['From: Jan\u0000 Kowalski <jan@example.com>', 'Subject: Zam\u0000ówienie', ...base('nul'), 'Content-Type: multipart/mixed; boundary="b"'],
      [
        '--b', 'Content-Type: text/plain; charset=utf-8', '', 'Dzień\u0000 dobry', '--b', 'Content-Type: text/html; charset=utf-8', '', '<p>Dzień\u0000 dobry</p>',
        '--b', 'Content-Type: application/pdf; name="fak\u0000tura.pdf"', 'Content-Disposition: attachment; filename="fak\u0000tura.pdf"', '', 'JVBERi0=', '--b--', '',
      ].join('\r\n'),
    );
    const parsed = await parseInboundMail(raw);
    const all = JSON.stringify(parsed);
    expect(all).not.toContain('\\u0000');
    expect(parsed.subject).toBe('Zamówienie');
    expect(parsed.from.name).toBe('Jan Kowalski');
    expect(parsed.text).toContain('Dzień dobry');
    expect(parsed.html).toContain('Dzień dobry');
    expect(parsed.attachments.map((a) => a.filename)).toEqual(['faktura.pdf']);
  });
});
