import { describe, it, expect } from '@jest/globals';
import { splitReply } from '../reply-text.js';

const lines = (...parts: string[]) => parts.join('\n');

describe('splitReply: attribution lines', () => {
  it('Gmail in English', () => {
    const text = lines(
      'Dzień dobry,',
      'paczka nadal nie dotarła.',
      '',
      'Pozdrawiam',
      'Jan',
      '',
      'On Mon, Nov 21, 2026 at 10:00 AM Biuro Obsługi <biuro@firma.pl> wrote:',
      '',
      '> Dzień dobry,',
      '> przesyłka została nadana.',
    );
    expect(splitReply(text)).toEqual({
      visible: lines('Dzień dobry,', 'paczka nadal nie dotarła.', '', 'Pozdrawiam', 'Jan'),
      quoted: lines('On Mon, Nov 21, 2026 at 10:00 AM Biuro Obsługi <biuro@firma.pl> wrote:', '', '> Dzień dobry,', '> przesyłka została nadana.'),
    });
  });

  it('Gmail wrapping a long attribution over two lines', () => {
    const text = lines(
      'Dziękuję, wszystko jasne.',
      '',
      'On Mon, Nov 21, 2026 at 10:00 AM Biuro Obsługi Klienta Firma Sp. z o.o. <',
      'biuro@firma.pl> wrote:',
      '',
      '> Dzień dobry,',
    );
    const result = splitReply(text);
    expect(result.visible).toBe('Dziękuję, wszystko jasne.');
    expect(result.quoted.startsWith('On Mon, Nov 21, 2026 at 10:00 AM Biuro')).toBe(true);
  });

  it('an attribution wrapped over three lines', () => {
    const text = lines('OK.', 'On Mon, Nov 21, 2026 at 10:00 AM', 'Biuro Obsługi Klienta Firma Sp. z o.o.', '<biuro@firma.pl> wrote:', '> x');
    expect(splitReply(text).visible).toBe('OK.');
  });

  it('Gmail in Polish', () => {
    const text = lines(
      'Dzień dobry, proszę o fakturę.',
      '',
      'pon., 21 lis 2026 o 10:00 Biuro Obsługi <biuro@firma.pl> napisał(a):',
      '',
      '> Dzień dobry,',
    );
    expect(splitReply(text)).toEqual({
      visible: 'Dzień dobry, proszę o fakturę.',
      quoted: lines('pon., 21 lis 2026 o 10:00 Biuro Obsługi <biuro@firma.pl> napisał(a):', '', '> Dzień dobry,'),
    });
  });

  it('Gmail in Polish, wrapped', () => {
    const text = lines('Dziękuję!', '', 'śr., 23 lis 2026 o 14:05 Biuro Obsługi Klienta Firma Sp. z o.o. <', 'biuro@firma.pl> napisał(a):', '> treść');
    expect(splitReply(text).visible).toBe('Dziękuję!');
  });

  it('Thunderbird in Polish (W dniu ... pisze:)', () => {
    const text = lines('Potwierdzam odbiór.', '', 'W dniu 21.11.2026 o 10:00, Biuro Obsługi pisze:', '> Dzień dobry,', '> przesyłamy fakturę.');
    expect(splitReply(text)).toEqual({
      visible: 'Potwierdzam odbiór.',
      quoted: lines('W dniu 21.11.2026 o 10:00, Biuro Obsługi pisze:', '> Dzień dobry,', '> przesyłamy fakturę.'),
    });
  });

  it.each([
    'W dniu 21.11.2026 10:00, Biuro Obsługi napisał(a):',
    'W dniu 2026-11-21 10:00, Biuro Obsługi napisał:',
    'Dnia 21 listopada 2026 10:00 Biuro Obsługi <biuro@firma.pl> napisał(a):',
    'Dnia 21-11-2026 o godz. 10:00 Biuro Obsługi napisał(a):',
    'Dnia 21.11.2026 o 10:00 "Biuro Obsługi" <biuro@firma.pl> napisała:',
    'Dnia 21 listopada 2026 10:00 Biuro Obsługi <biuro@firma.pl> napisał/a:',
    'On 21/11/2026 10:00, Biuro Obsługi wrote:',
    'On 21 Nov 2026, at 10:00, Biuro Obsługi <biuro@firma.pl> wrote:',
    'Wiadomość napisana przez Biuro Obsługi <biuro@firma.pl> w dniu 21.11.2026, o godz. 10:00:',
    'Am 21.11.2026 um 10:00 schrieb Biuro Obsługi <biuro@firma.pl>:',
    '2026-11-21 10:00 GMT+01:00 Biuro Obsługi <biuro@firma.pl>:',
  ])('cuts at %j', (attribution) => {
    const text = lines('Nowa treść odpowiedzi.', '', attribution, '', '> stara treść');
    expect(splitReply(text)).toEqual({ visible: 'Nowa treść odpowiedzi.', quoted: lines(attribution, '', '> stara treść') });
  });

  it('Apple Mail on iPhone, with no > quotes after the attribution', () => {
    const text = lines('Tak, zgadzam się.', '', 'Wysłane z iPhone’a', '', 'On 21 Nov 2026, at 10:00, Biuro Obsługi <biuro@firma.pl> wrote:', '', 'Dzień dobry,');
    expect(splitReply(text)).toEqual({
      visible: lines('Tak, zgadzam się.', '', 'Wysłane z iPhone’a'),
      quoted: lines('On 21 Nov 2026, at 10:00, Biuro Obsługi <biuro@firma.pl> wrote:', '', 'Dzień dobry,'),
    });
  });

  it('does not mistake ordinary sentences for attributions', () => {
    const text = lines(
      'On Monday I called you and nobody answered.',
      'Kolega napisał:',
      'On Monday John wrote:',
      'Jak pan napisał: produkt jest wadliwy.',
      'W dniu dostawy kurier pisze:',
      'Proszę o kontakt.',
    );
    expect(splitReply(text)).toEqual({ visible: text, quoted: '' });
  });

  it('does not join an ordinary line with the attribution below it', () => {
    const text = lines('Mam 2 pytania', 'On Mon, Nov 21, 2026 at 10:00 AM Biuro <biuro@firma.pl> wrote:', '> x');
    expect(splitReply(text).visible).toBe('Mam 2 pytania');
  });
});

describe('splitReply: separator lines', () => {
  it.each([
    '-----Original Message-----',
    '----- Original Message -----',
    '-----Wiadomość oryginalna-----',
    '----- Wiadomość oryginalna -----',
    '-------- Oryginalna wiadomość --------',
    '---------- Forwarded message ---------',
    '-------- Forwarded Message --------',
    '-------- Przekazana wiadomość --------',
    '---------- Wiadomość przekazana dalej ---------',
    '-----Ursprüngliche Nachricht-----',
    'Begin forwarded message:',
    'Początek przekazanej wiadomości:',
  ])('cuts at %j', (separator) => {
    const text = lines('Przesyłam dalej do Państwa.', '', separator, 'From: Jan Kowalski <jan@klient.pl>', 'Subject: Zamówienie');
    expect(splitReply(text)).toEqual({
      visible: 'Przesyłam dalej do Państwa.',
      quoted: lines(separator, 'From: Jan Kowalski <jan@klient.pl>', 'Subject: Zamówienie'),
    });
  });
});

describe('splitReply: Outlook header blocks', () => {
  it('Outlook desktop in English with the underscore rule', () => {
    const text = lines(
      'Hello, please see attached.',
      '',
      'Best regards',
      'Anna',
      '',
      '________________________________',
      'From: Biuro Obsługi <biuro@firma.pl>',
      'Sent: Monday, November 21, 2026 10:00 AM',
      'To: Anna Nowak <anna.nowak@klient.com.pl>',
      'Subject: [#2026-000123] Reklamacja zamówienia',
      '',
      'Dzień dobry,',
    );
    const result = splitReply(text);
    expect(result.visible).toBe(lines('Hello, please see attached.', '', 'Best regards', 'Anna'));
    expect(result.quoted.startsWith('________________________________\nFrom: Biuro Obsługi')).toBe(true);
  });

  it('Outlook in Polish', () => {
    const text = lines(
      'Dzień dobry,',
      'w załączeniu zdjęcia uszkodzonego towaru.',
      '',
      'Od: Biuro Obsługi <biuro@firma.pl>',
      'Wysłane: poniedziałek, 21 listopada 2026 10:00',
      'Do: Anna Nowak <anna.nowak@klient.com.pl>',
      'Temat: [#2026-000123] Reklamacja zamówienia',
      '',
      'Dzień dobry,',
    );
    const result = splitReply(text);
    expect(result.visible).toBe(lines('Dzień dobry,', 'w załączeniu zdjęcia uszkodzonego towaru.'));
    expect(result.quoted.split('\n')[0]).toBe('Od: Biuro Obsługi <biuro@firma.pl>');
  });

  it('Outlook on the web in Polish (Data: ... Do: ..., with Cc in between)', () => {
    const text = lines(
      'Proszę o pilny kontakt.',
      'Od: Biuro Obsługi <biuro@firma.pl>',
      'Data: 21 listopada 2026 10:00',
      'DW: Kierownik <kierownik@klient.com.pl>',
      'Do: Anna Nowak <anna.nowak@klient.com.pl>',
      'Temat: Zamówienie',
    );
    expect(splitReply(text).visible).toBe('Proszę o pilny kontakt.');
  });

  it('an HTML mail converted to text keeps Outlook bold marks: *From:* ...', () => {
    const text = lines(
      'Dziękuję.',
      '',
      '*From:* Biuro Obsługi <biuro@firma.pl>',
      '*Sent:* Monday, November 21, 2026 10:00 AM',
      '*To:* Anna Nowak <anna.nowak@klient.com.pl>',
      '*Subject:* Zamówienie',
    );
    expect(splitReply(text).visible).toBe('Dziękuję.');
  });

  it('German Outlook (Von / Gesendet / An / Betreff)', () => {
    const text = lines('Danke.', 'Von: Biuro <biuro@firma.pl>', 'Gesendet: Montag, 21. November 2026 10:00', 'An: Anna <anna@klient.de>', 'Betreff: Bestellung');
    expect(splitReply(text).visible).toBe('Danke.');
  });

  it('a From: line without the rest of a header block is ordinary text', () => {
    const text = lines('From: my experience this never happens.', 'Please check it.', '', 'Subject: missing parcel');
    expect(splitReply(text)).toEqual({ visible: text, quoted: '' });
  });

  it('an underscore rule not followed by From: is ordinary text', () => {
    const text = lines('Podpis:', '________________________________', 'Jan Kowalski');
    expect(splitReply(text)).toEqual({ visible: text, quoted: '' });
  });

  it('a header block too spread out (Sent: five lines below) is not one', () => {
    const text = lines('From: Jan', 'a', 'b', 'c', 'd', 'Sent: today', 'To: you');
    expect(splitReply(text).quoted).toBe('');
  });
});

describe('splitReply: trailing > quotes', () => {
  it('cuts at a run of > lines ending the text', () => {
    const text = lines('Zgadzam się z propozycją.', '', '> Czy termin 5 grudnia pasuje?', '>', '> Pozdrawiamy', '', '');
    expect(splitReply(text)).toEqual({
      visible: 'Zgadzam się z propozycją.',
      quoted: lines('> Czy termin 5 grudnia pasuje?', '>', '> Pozdrawiamy'),
    });
  });

  it('takes blank lines inside the quoted run along', () => {
    const text = lines('Tak.', '> pierwszy akapit', '', '> drugi akapit');
    expect(splitReply(text)).toEqual({ visible: 'Tak.', quoted: lines('> pierwszy akapit', '', '> drugi akapit') });
  });

  it('leaves quotes answered in between alone', () => {
    const text = lines('> Czy termin pasuje?', 'Tak.', '> Czy adres jest aktualny?', 'Nie, nowy adres: ul. Długa 5, Kraków.');
    expect(splitReply(text)).toEqual({ visible: text, quoted: '' });
  });

  it('with inline answers and a trailing quote, only the trailing quote goes', () => {
    const text = lines('> Czy termin pasuje?', 'Tak.', '', '> Pozdrawiamy', '> Biuro');
    expect(splitReply(text)).toEqual({ visible: lines('> Czy termin pasuje?', 'Tak.'), quoted: lines('> Pozdrawiamy', '> Biuro') });
  });
});

describe('splitReply: signatures', () => {
  it('drops a signature under "-- " from visible, and keeps the history in quoted', () => {
    const text = lines(
      'Proszę o zwrot pieniędzy.',
      '',
      '-- ',
      'Jan Kowalski',
      'tel. 600 100 200',
      '',
      'W dniu 21.11.2026 o 10:00, Biuro Obsługi pisze:',
      '> Dzień dobry,',
    );
    expect(splitReply(text)).toEqual({
      visible: 'Proszę o zwrot pieniędzy.',
      quoted: lines('W dniu 21.11.2026 o 10:00, Biuro Obsługi pisze:', '> Dzień dobry,'),
    });
  });

  it('drops a signature when there is no history', () => {
    expect(splitReply(lines('Dziękuję.', '-- ', 'Jan'))).toEqual({ visible: 'Dziękuję.', quoted: '' });
  });

  it('accepts "--" whose trailing space a mail program removed', () => {
    expect(splitReply(lines('Dziękuję.', '--', 'Jan Kowalski')).visible).toBe('Dziękuję.');
  });

  it('cuts at the last separator, keeping earlier ones in the text', () => {
    expect(splitReply(lines('a', '--', 'b', '-- ', 'sig')).visible).toBe(lines('a', '--', 'b'));
  });

  it('does not treat --- or -- inside a line as a separator', () => {
    const text = lines('Cena -- 100 zł', '---', 'Dalsza treść');
    expect(splitReply(text).visible).toBe(text);
  });

  it('keeps the text when it is nothing but a signature', () => {
    const text = lines('-- ', 'Jan Kowalski');
    expect(splitReply(text)).toEqual({ visible: text, quoted: '' });
  });
});

describe('splitReply: never an empty visible', () => {
  it('a pure forward is all visible', () => {
    const text = lines(
      '---------- Forwarded message ---------',
      'From: Jan Kowalski <jan@klient.pl>',
      'Date: Mon, Nov 21, 2026 at 10:00 AM',
      'Subject: Reklamacja',
      'To: <sklep@firma.pl>',
      '',
      'Towar uszkodzony.',
    );
    expect(splitReply(`\n\n${text}\n`)).toEqual({ visible: text, quoted: '' });
  });

  it('a text that is only a quote is all visible', () => {
    const text = lines('> Czy termin pasuje?', '> Pozdrawiamy');
    expect(splitReply(text)).toEqual({ visible: text, quoted: '' });
  });

  it('a text starting with an attribution is all visible', () => {
    const text = lines('On Mon, Nov 21, 2026 at 10:00 AM Biuro <biuro@firma.pl> wrote:', '> x', '', 'Odpowiedź pod spodem.');
    expect(splitReply(text)).toEqual({ visible: text, quoted: '' });
  });

  it('a signature followed by history is all visible', () => {
    const text = lines('-- ', 'Jan', 'W dniu 21.11.2026 o 10:00, Biuro pisze:', '> x');
    expect(splitReply(text)).toEqual({ visible: text, quoted: '' });
  });
});

describe('splitReply: text handling', () => {
  it('gives empty parts for an empty or blank text', () => {
    expect(splitReply('')).toEqual({ visible: '', quoted: '' });
    expect(splitReply(' \n\t\n')).toEqual({ visible: '', quoted: '' });
    expect(splitReply(undefined as unknown as string)).toEqual({ visible: '', quoted: '' });
  });

  it('trims a text without history', () => {
    expect(splitReply('\n\n  Dzień dobry, mam pytanie.  \n\n')).toEqual({ visible: 'Dzień dobry, mam pytanie.', quoted: '' });
  });

  it('turns CRLF and CR line ends into LF', () => {
    const text = 'Dziękuję.\r\n\r\nW dniu 21.11.2026 o 10:00, Biuro pisze:\r\n> Dzień dobry,\r\n';
    expect(splitReply(text)).toEqual({ visible: 'Dziękuję.', quoted: 'W dniu 21.11.2026 o 10:00, Biuro pisze:\n> Dzień dobry,' });
    expect(splitReply('a\rb').visible).toBe('a\nb');
  });

  it('cuts at the first history marker when several follow each other', () => {
    const text = lines(
      'Najnowsza odpowiedź.',
      '',
      'Od: Biuro <biuro@firma.pl>',
      'Wysłane: 22 listopada 2026 09:00',
      'Do: Anna <anna@klient.pl>',
      'Temat: ODP: Zamówienie',
      '',
      'Poprzednia odpowiedź.',
      '',
      '-----Wiadomość oryginalna-----',
      'Od: Anna <anna@klient.pl>',
    );
    const result = splitReply(text);
    expect(result.visible).toBe('Najnowsza odpowiedź.');
    expect(result.quoted.endsWith('-----Wiadomość oryginalna-----\nOd: Anna <anna@klient.pl>')).toBe(true);
  });

  it('finds the reply above the quote of a long text', () => {
    const body = Array.from({ length: 20000 }, (_, i) => `Linia ${i} treści zgłoszenia.`).join('\n');
    const result = splitReply(`${body}\n\nOn Mon, Nov 21, 2026 at 10:00 AM Biuro <biuro@firma.pl> wrote:\n> x`);
    expect(result.visible).toBe(body);
    expect(result.quoted).toBe('On Mon, Nov 21, 2026 at 10:00 AM Biuro <biuro@firma.pl> wrote:\n> x');
  });
});
