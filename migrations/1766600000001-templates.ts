import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Templates (canned responses): what agents, rules and acknowledgements answer
 * with. A template is scoped to one queue or (queue_id null) to all of them.
 * Each carries a search document (title weighted above body, placeholders left
 * out, unaccented like every other search in Okienko) kept by a trigger, so
 * suggestions for a customer's message are one index lookup.
 *
 * The seeded templates have stable slugs: rules and installation scripts find
 * them by slug, whatever an admin renames them to.
 */
export class Templates1766600000001 implements MigrationInterface {
  name = 'Templates1766600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        title text NOT NULL,
        subject text,
        body text NOT NULL,
        language text NOT NULL DEFAULT 'pl' CHECK (language IN ('pl', 'en')),
        queue_id uuid REFERENCES queues (id) ON DELETE SET NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector NOT NULL DEFAULT ''
      )`);
    await q.query(`CREATE UNIQUE INDEX templates_slug_key ON templates (slug)`);
    await q.query(`CREATE INDEX templates_queue_idx ON templates (queue_id)`);
    await q.query(`CREATE INDEX templates_search_idx ON templates USING gin (search_vector)`);
    await q.query(`
      CREATE FUNCTION okienko_templates_search() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector :=
          setweight(to_tsvector('simple', okienko_unaccent(NEW.title)), 'A')
          || setweight(to_tsvector('simple', okienko_unaccent(regexp_replace(left(NEW.body, 100000), '\\{\\{[^}]*\\}\\}', ' ', 'g'))), 'B');
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER templates_search BEFORE INSERT OR UPDATE OF title, body ON templates
        FOR EACH ROW EXECUTE FUNCTION okienko_templates_search()`);

    for (const template of SEEDED_TEMPLATES) {
      await q.query(`INSERT INTO templates (slug, title, body, language) VALUES ($1, $2, $3, 'pl')`, [
        template.slug, template.title, template.body.join('\n'),
      ]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS templates`);
    await q.query(`DROP FUNCTION IF EXISTS okienko_templates_search()`);
  }
}

/** What a Polish online shop answers most often, ready to use and to adapt. */
const SEEDED_TEMPLATES: { slug: string; title: string; body: string[] }[] = [
  {
    slug: 'order-status',
    title: 'Status zamówienia',
    body: [
      'Dzień dobry {{customer.name}},',
      '',
      'dziękujemy za pytanie o zamówienie. Sprawdziliśmy je w naszym systemie i na bieżąco pilnujemy jego realizacji.',
      '',
      'Aktualny status zamówienia można w każdej chwili sprawdzić po zalogowaniu na konto w sklepie, w zakładce „Moje zamówienia”.',
      'Gdy paczka zostanie wysłana, otrzymają Państwo od nas e-mail z numerem przesyłki i linkiem do śledzenia jej u przewoźnika.',
      '',
      'Zamówienia opłacone w dni robocze do godziny 12:00 są zwykle wysłane tego samego dnia, późniejsze – następnego dnia roboczego.',
      'Dostawa kurierem trwa najczęściej 1–2 dni robocze, do paczkomatu – 1–3 dni robocze.',
      '',
      'Jeśli chcą Państwo coś dodać, wystarczy odpowiedzieć na tę wiadomość – numer zgłoszenia {{ticket.number}} pozwoli nam od razu odnaleźć sprawę.',
      '',
      'Pozdrawiamy',
      '{{agent.name}}',
      'Biuro Obsługi Klienta',
    ],
  },
  {
    slug: 'complaint-received',
    title: 'Reklamacja przyjęta',
    body: [
      'Dzień dobry {{customer.name}},',
      '',
      'potwierdzamy przyjęcie reklamacji – otrzymała numer {{ticket.number}}.',
      '',
      'Na rozpatrzenie reklamacji mamy ustawowo 14 dni od dnia jej otrzymania. Decyzję prześlemy e-mailem najpóźniej w tym terminie,',
      'a jeśli uda się szybciej – odezwiemy się wcześniej.',
      '',
      'Jeśli jeszcze tego nie zrobili Państwo, prosimy o zdjęcia wady lub uszkodzenia oraz numer zamówienia albo dowód zakupu –',
      'wystarczy odpowiedzieć na tę wiadomość i dołączyć pliki. Produktu prosimy nie odsyłać, dopóki nie prześlemy instrukcji wysyłki.',
      '',
      'Pozdrawiamy',
      '{{agent.name}}',
      'Dział Reklamacji',
    ],
  },
  {
    slug: 'waiting-customer-reminder',
    title: 'Przypomnienie: czekamy na odpowiedź',
    body: [
      'Dzień dobry {{customer.name}},',
      '',
      'uprzejmie przypominamy, że w sprawie zgłoszenia nr {{ticket.number}} („{{ticket.subject}}”) czekamy na Państwa odpowiedź.',
      'Bez brakujących informacji nie możemy niestety dokończyć sprawy.',
      '',
      'Wystarczy odpowiedzieć na tę wiadomość. Jeśli sprawa jest już nieaktualna, prosimy o krótką informację – zamkniemy wtedy zgłoszenie.',
      '',
      'Pozdrawiamy',
      '{{agent.name}}',
      'Biuro Obsługi Klienta',
    ],
  },
  {
    slug: 'invoice-copy',
    title: 'Faktura VAT do zamówienia',
    body: [
      'Dzień dobry {{customer.name}},',
      '',
      'w załączniku przesyłamy fakturę VAT do zamówienia. Wszystkie faktury są też dostępne do pobrania po zalogowaniu na konto w sklepie,',
      'w zakładce „Moje zamówienia”.',
      '',
      'Jeśli dane na fakturze wymagają poprawy, prosimy o odpowiedź z prawidłowymi danymi – wystawimy fakturę korygującą.',
      'Fakturę na firmę do zakupu udokumentowanego paragonem możemy wystawić tylko wtedy, gdy NIP został podany przy zakupie',
      '(paragon z NIP nabywcy) – tak stanowią przepisy o VAT.',
      '',
      'Pozdrawiamy',
      '{{agent.name}}',
      'Biuro Obsługi Klienta',
    ],
  },
  {
    slug: 'thanks-closing',
    title: 'Podziękowanie i zamknięcie zgłoszenia',
    body: [
      'Dzień dobry {{customer.name}},',
      '',
      'dziękujemy za kontakt i cieszymy się, że sprawa została wyjaśniona. Zamykamy zgłoszenie nr {{ticket.number}}.',
      '',
      'Gdyby pojawiły się jeszcze pytania, wystarczy odpowiedzieć na tę wiadomość – wrócimy do sprawy.',
      '',
      'Dziękujemy za zakupy i zapraszamy ponownie!',
      '{{agent.name}}',
      'Biuro Obsługi Klienta',
    ],
  },
];
