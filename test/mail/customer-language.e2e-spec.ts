import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { asAdmin, expectError, type ApiClient } from '../support/api-client.js';
import { composeMail } from '../support/compose-mail.js';
import { sendRaw } from '../support/send-mail.js';
import { startSmtpSink, type CapturedMail, type SmtpSink } from '../support/smtp-sink.js';
import { startProduct, type TestProduct } from '../support/start-product.js';
import { addInboundAddress, BIURO, sameMessageId, ticketOfMail } from './mail-kit.js';

// A customer's language is judged from their first message and is what
// acknowledgements and automatic answers are written in: a Polish and an
// English customer each get theirs, through the real SMTP listener and out
// through a real SMTP sink. An admin or agent may change it.

jest.setTimeout(90_000);

describe('the customer\'s language', () => {
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

  async function write(from: string, fromName: string, subject: string, body: string) {
    const mail = composeMail({ from, fromName, to: BIURO, subject, body });
    await sendRaw(product.smtpPort!, { from, to: [BIURO], raw: mail.raw });
    const ticket = await ticketOfMail(admin, mail.messageId);
    const ack = await sink.waitFor((m: CapturedMail) => sameMessageId(m.inReplyTo, mail.messageId));
    const customer = (await admin.get(`/customers/${ticket.customerId}`)).body as { id: string; language: string | null };
    return { ticket, ack, customer };
  }

  it('acknowledges an English customer in English and a Polish one in Polish, and remembers each one\'s language', async () => {
    const english = await write(
      'john.smith@example.com', 'John Smith', 'Where is my order?',
      'Hello, my order 4521 has not arrived yet. Could you please check where it is? Thanks, John',
    );
    expect(english.customer.language).toBe('en');
    expect(english.ack.subject).toContain('Ticket received: Where is my order?');
    expect(english.ack.text).toContain(`thank you for your message. We have registered it as ticket ${english.ticket.number}.`);
    expect(english.ack.text).toMatch(/We will answer within 1 business day \(by \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d at the latest\)\./);
    expect(english.ack.text).not.toContain('Dzień dobry');
    // The ticket shows who the acknowledgement went out as: the address written to, under its reply name.
    expect(english.ack.from).toEqual({ address: BIURO, name: 'Rowerownia' });
    const onTicket = (await admin.get(`/tickets/${english.ticket.id}`)).body as { messages: { messageId: string | null; fromAddress: string | null }[] };
    expect(onTicket.messages.find((m) => sameMessageId(m.messageId, english.ack.messageId!))?.fromAddress).toBe(`Rowerownia <${BIURO}>`);

    const polish = await write(
      'anna.nowak@example.pl', 'Anna Nowak', 'Gdzie jest paczka?',
      'Dzień dobry, zamówienie 4522 jeszcze nie doszło. Czy mogą Państwo sprawdzić, gdzie jest paczka? Pozdrawiam, Anna',
    );
    expect(polish.customer.language).toBe('pl');
    expect(polish.ack.subject).toContain('Potwierdzenie zgłoszenia: Gdzie jest paczka?');
    expect(polish.ack.text).toContain(`Zarejestrowaliśmy ją jako zgłoszenie nr ${polish.ticket.number}.`);

    // The first message decides: a later Polish line from John does not change his language.
    const again = await write('john.smith@example.com', 'John Smith', 'Zamówienie', 'Dzień dobry, proszę o fakturę.');
    expect(again.customer.language).toBe('en');
    expect(again.ack.text).toContain('thank you for your message');
  });

  it('is editable (pl, en, or null to judge again), and anything else is refused naming the field', async () => {
    const { customer } = await write('maria@example.com', 'Maria', 'Question', 'Hello, do you ship to Germany? Thank you.');
    expect(customer.language).toBe('en');
    expect((await admin.patch(`/customers/${customer.id}`, { language: 'pl' })).body).toMatchObject({ language: 'pl' });
    const refused = await admin.patch(`/customers/${customer.id}`, { language: 'de' });
    expectError(refused, 400, 'VALIDATION_FAILED');
    expect(JSON.stringify(refused.body)).toContain('language');
    expect((await admin.patch(`/customers/${customer.id}`, { language: null })).body).toMatchObject({ language: null });
  });

  it('answers an English customer with the English version of a rule\'s template', async () => {
    const templates = (await admin.get('/templates')).body.items as { id: string; slug: string; language: string }[];
    const orderStatus = templates.find((t) => t.slug === 'order-status')!;
    expect(templates.find((t) => t.slug === 'order-status-en')).toMatchObject({ language: 'en' });
    const rule = await admin.post('/rules', {
      name: 'Status zamówienia', trigger: 'ticket_created', enabled: true,
      conditions: { match: 'all', conditions: [{ field: 'subject', operator: 'contains', value: 'parcel' }] },
      actions: [{ type: 'reply_with_template', templateId: orderStatus.id }],
    });
    expect(rule.status).toBe(201);
    const mail = composeMail({
      from: 'emma@example.co.uk', fromName: 'Emma Brown', to: BIURO, subject: 'My parcel',
      body: 'Hi, I ordered a bike last week and the parcel is still not here. Could you please tell me when it will arrive? Thanks',
    });
    await sendRaw(product.smtpPort!, { from: 'emma@example.co.uk', to: [BIURO], raw: mail.raw });
    const answer = await sink.waitFor((m: CapturedMail) => sameMessageId(m.inReplyTo, mail.messageId) && m.text.includes('thank you for asking about your order'));
    expect(answer.text).toContain('Hello Emma Brown,');
    expect(answer.text).not.toContain('Dzień dobry');
  });
});
