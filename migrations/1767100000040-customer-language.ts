import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers have a language (`pl`, `en`; null until their first message was
 * judged), in which acknowledgements, automatic answers and surveys go out.
 * A template may be the version in another language of another template
 * (`variant_of`); English versions of the seeded templates are added. The
 * seeded SLA policies' descriptions are written in Polish, as their names are.
 */
export class CustomerLanguage1767100000040 implements MigrationInterface {
  name = 'CustomerLanguage1767100000040';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE customers ADD COLUMN language text CHECK (language IN ('pl', 'en'))`);
    await q.query(`ALTER TABLE templates ADD COLUMN variant_of uuid REFERENCES templates (id) ON DELETE CASCADE`);
    await q.query(`CREATE UNIQUE INDEX templates_variant_language_key ON templates (variant_of, language) WHERE variant_of IS NOT NULL`);
    for (const template of ENGLISH_TEMPLATES) {
      await q.query(
        `INSERT INTO templates (slug, title, body, language, variant_of)
         SELECT $1, $2, $3, 'en', id FROM templates WHERE slug = $4 AND language = 'pl'
         ON CONFLICT DO NOTHING`,
        [`${template.of}-en`, template.title, template.body.join('\n'), template.of],
      );
    }
    for (const [english, polish] of SLA_DESCRIPTIONS) {
      await q.query(`UPDATE sla_policies SET description = $2 WHERE description = $1`, [english, polish]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [english, polish] of SLA_DESCRIPTIONS) {
      await q.query(`UPDATE sla_policies SET description = $1 WHERE description = $2`, [english, polish]);
    }
    await q.query(`DELETE FROM templates WHERE variant_of IS NOT NULL AND slug = ANY($1)`, [ENGLISH_TEMPLATES.map((t) => `${t.of}-en`)]);
    await q.query(`DROP INDEX IF EXISTS templates_variant_language_key`);
    await q.query(`ALTER TABLE templates DROP COLUMN variant_of`);
    await q.query(`ALTER TABLE customers DROP COLUMN language`);
  }
}

const SLA_DESCRIPTIONS: [string, string][] = [
  [
    'Complaints and returns: acknowledged within 1 business day, resolved within 14 days. The statutory 14-day decision deadline is separate.',
    'Reklamacje i zwroty: potwierdzenie w ciągu 1 dnia roboczego, rozwiązanie w ciągu 14 dni. Ustawowy 14-dniowy termin na decyzję biegnie osobno.',
  ],
  [
    'Failures and wrong deliveries (urgent and high priority): an answer within 2 business hours.',
    'Awarie i błędne dostawy (priorytet pilny i wysoki): odpowiedź w ciągu 2 godzin roboczych.',
  ],
  [
    'Questions before a purchase: an answer within 24 hours, weekends included.',
    'Pytania przed zakupem: odpowiedź w ciągu 24 godzin, także w weekendy.',
  ],
  [
    'Every other ticket: an answer within one business day (8 business hours), resolved within 5 business days.',
    'Pozostałe zgłoszenia: odpowiedź w ciągu jednego dnia roboczego (8 godzin roboczych), rozwiązanie w ciągu 5 dni roboczych.',
  ],
];

/** The seeded templates in English, each the English version of the Polish one it names. */
const ENGLISH_TEMPLATES: { of: string; title: string; body: string[] }[] = [
  {
    of: 'order-status',
    title: 'Order status (English)',
    body: [
      'Hello {{customer.name}},',
      '',
      'thank you for asking about your order. We have checked it in our system and are keeping an eye on it.',
      '',
      'You can see the current status of the order at any time in your shop account, under “My orders”.',
      'Once the parcel is sent, we will e-mail you its tracking number and a link to follow it with the carrier.',
      '',
      'Orders paid on a working day before 12:00 usually leave the same day, later ones the next working day.',
      'Courier delivery mostly takes 1–2 working days, parcel lockers 1–3 working days.',
      '',
      'If you would like to add anything, just reply to this message – the ticket number {{ticket.number}} lets us find your case at once.',
      '',
      'Kind regards',
      '{{agent.name}}',
      'Customer Service',
    ],
  },
  {
    of: 'complaint-received',
    title: 'Complaint received (English)',
    body: [
      'Hello {{customer.name}},',
      '',
      'we confirm that we have received your complaint – its number is {{ticket.number}}.',
      '',
      'By law we have 14 days from receiving a complaint to decide on it. We will e-mail you our decision within that time,',
      'and sooner if we can.',
      '',
      'If you have not done so yet, please send us photos of the defect or damage and the order number or proof of purchase –',
      'just reply to this message with the files attached. Please do not send the product back until we send you shipping instructions.',
      '',
      'Kind regards',
      '{{agent.name}}',
      'Complaints Department',
    ],
  },
  {
    of: 'waiting-customer-reminder',
    title: 'Reminder: waiting for your reply (English)',
    body: [
      'Hello {{customer.name}},',
      '',
      'a kind reminder that we are waiting for your reply about ticket {{ticket.number}} (“{{ticket.subject}}”).',
      'Without the missing information we cannot complete your case.',
      '',
      'Just reply to this message. If the matter is no longer current, please let us know briefly and we will close the ticket.',
      '',
      'Kind regards',
      '{{agent.name}}',
      'Customer Service',
    ],
  },
  {
    of: 'invoice-copy',
    title: 'VAT invoice for your order (English)',
    body: [
      'Hello {{customer.name}},',
      '',
      'please find the VAT invoice for your order attached. All invoices can also be downloaded from your shop account,',
      'under “My orders”.',
      '',
      'If any details on the invoice need correcting, please reply with the correct details and we will issue a corrective invoice.',
      'A company invoice for a purchase documented by a receipt can only be issued when the tax number (NIP) was given at purchase',
      '(a receipt with the buyer’s NIP) – as Polish VAT law requires.',
      '',
      'Kind regards',
      '{{agent.name}}',
      'Customer Service',
    ],
  },
  {
    of: 'thanks-closing',
    title: 'Thank you and closing the ticket (English)',
    body: [
      'Hello {{customer.name}},',
      '',
      'thank you for contacting us – we are glad the matter has been resolved. We are closing ticket {{ticket.number}}.',
      '',
      'Should you have any further questions, just reply to this message and we will pick the case up again.',
      '',
      'Thank you for shopping with us, and see you again!',
      '{{agent.name}}',
      'Customer Service',
    ],
  },
];
