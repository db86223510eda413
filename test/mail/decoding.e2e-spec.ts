import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, type ApiClient } from '../support/api-client.js';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { addInboundAddress, BIURO, deliverFixture, sameMessageId, ticketOfMail } from './mail-kit.js';

// Mail that does not say its charset, as old and foreign mail programs send
// it (raw 8-bit Subject and From without encoded words, text parts without
// `charset=`), and mail whose answers belong at its Reply-To: each read as the
// sender wrote it and answered where the sender asked.

jest.setTimeout(120_000);

/** Fixture, its sender's address and name, the subject and a line of the text, as a user must read them. */
const CHARSETS: [fixture: string, email: string, name: string, subject: string, text: string][] = [
  ['charset-gb2312-raw-headers', 'wang.xiaoming@gongchang-zixingche.example', '王晓明', '转发：整改完成的通知', '自行车车架的整改已经完成，请查收附件中的检验报告。'],
  ['charset-shift-jis-raw-headers', 't.yamada@jitensha-shoukai.example', '山田太郎', '転送：見積書の確認のお願い', '見積書の件、ご確認をお願いいたします。'],
  ['charset-iso-8859-2-undeclared', 'z.slusarczyk@stara-poczta.example', 'Zdzisława Ślusarczyk', 'Reklamacja siodełka - pęknięta śruba',
    'śruba w siodełku pękła po tygodniu jazdy. Proszę o wymianę.'],
  ['charset-windows-1250-undeclared', 'bozydar@poczta-gminna.example', 'Bożydar Źrebiec', 'Świateł brak w zamówieniu – źle spakowane',
    'w paczce zabrakło świateł, a pudełko było źle zaklejone.'],
  ['charset-koi8-r-raw-headers', 'ivan.petrov@velo-moskva.example', 'Иван Петров', 'Заказ 4471: вопрос о доставке', 'Когда будет доставлен мой заказ?'],
  ['charset-body-undeclared', 'm.gorecki@firma-gorecki.example', 'Mirosław Górecki', 'Dostępność koła 28 cali', 'czy koło 28 cali jest dostępne od ręki?'],
];

describe('mail without a declared charset, and Reply-To', () => {
  let product: TestProduct;
  let sink: SmtpSink;
  let admin: ApiClient;

  beforeAll(async () => {
    sink = await startSmtpSink();
    product = await startProduct({ OUTBOUND_SMTP_URL: sink.url, MAIL_DOMAIN: 'rowerownia.pl', AUTO_REPLY_PER_SENDER_PER_HOUR: '1000' });
    admin = await asAdmin(product);
    await addInboundAddress(admin, { address: BIURO, name: 'Biuro', replyFromName: 'Rowerownia' });
  }, 60_000);

  afterAll(async () => {
    await product?.close();
    await sink?.close();
  });

  it('reads raw 8-bit headers and bodies in GB2312, Shift_JIS, ISO-8859-2, Windows-1250, KOI8-R, and text parts without a charset', async () => {
    const sent = await Promise.all(CHARSETS.map(([fixture]) => deliverFixture(product, fixture, { TO: BIURO })));
    const tickets = await Promise.all(sent.map((s) => ticketOfMail(admin, s.messageId!)));
    const seen = tickets.map((t, i) => ({
      fixture: CHARSETS[i][0], email: t.customer.email, name: t.customer.name, subject: t.subject, text: t.messages[0].bodyText.includes(CHARSETS[i][4]),
    }));
    expect(seen).toEqual(CHARSETS.map(([fixture, email, name, subject]) => ({ fixture, email, name, subject, text: true })));
    const html = tickets[CHARSETS.findIndex(([f]) => f === 'charset-body-undeclared')].messages[0].bodyHtml;
    expect(html).toContain('czy koło 28 cali jest dostępne od ręki?');
  });

  it('takes the customer from Reply-To when From has only a name, and answers there', async () => {
    const sent = await deliverFixture(product, 'reply-to-from-without-address', { TO: BIURO }, { from: 'bounces@serwer-formularzy.example' });
    const ticket = await ticketOfMail(admin, sent.messageId!);
    expect(ticket.customer).toMatchObject({ email: 'k.wielgus@poczta-domowa.example', name: 'Kazimierz Wielgus' });
    expect(ticket.subject).toBe('Pytanie o przegląd roweru');
    const acknowledgement = await sink.waitFor((m) => sameMessageId(m.inReplyTo, sent.messageId));
    expect(acknowledgement.envelope.rcptTo).toEqual(['k.wielgus@poczta-domowa.example']);
  });

  it('sends the acknowledgement and the agent\'s reply to Reply-To when it differs from From', async () => {
    const sent = await deliverFixture(product, 'reply-to-differs-from-from', { TO: BIURO });
    const ticket = await ticketOfMail(admin, sent.messageId!);
    expect(ticket.customer.email).toBe('formularz@sklep-rowerowy.example');
    const acknowledgement = await sink.waitFor((m) => sameMessageId(m.inReplyTo, sent.messageId) && m.subject.includes(ticket.number));
    expect(acknowledgement.envelope.rcptTo).toEqual(['anna.nowak@poczta-prywatna.example']);
    expect(acknowledgement.to).toEqual(['anna.nowak@poczta-prywatna.example']);

    const body = 'Dzień dobry, prosimy odesłać kask na nasz adres.';
    const res = await admin.post(`/tickets/${ticket.id}/messages`, { type: 'reply', body });
    expect(res.status).toBe(201);
    expect((res.body as { toAddresses: string[] }).toAddresses).toEqual(['anna.nowak@poczta-prywatna.example']);
    const reply = await sink.waitFor((m) => m.text.includes(body));
    expect(reply.envelope.rcptTo).toEqual(['anna.nowak@poczta-prywatna.example']);
    expect(reply.to).toEqual(['anna.nowak@poczta-prywatna.example']);
  });
});
