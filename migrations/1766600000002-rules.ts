import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Routing rules: the rules themselves (conditions and actions as JSON checked
 * by the rule engine), the record of time-based rules already fired for a
 * ticket, webhook deliveries, when a ticket entered its status, and what an
 * outbound message is for (a reply, a forwarded copy, a notification to agents).
 * Seeds the ready-made scenarios, disabled until an admin switches them on.
 */
export class Rules1766600000002 implements MigrationInterface {
  name = 'Rules1766600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text UNIQUE,
        name text NOT NULL,
        description text,
        enabled boolean NOT NULL DEFAULT false,
        position integer NOT NULL,
        trigger text NOT NULL,
        trigger_params jsonb NOT NULL DEFAULT '{}',
        conditions jsonb NOT NULL,
        actions jsonb NOT NULL,
        stop_processing boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX rules_trigger_position_idx ON rules (trigger, position)`);

    await q.query(`
      CREATE TABLE rule_firings (
        rule_id uuid NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        fire_key text NOT NULL,
        fired_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (rule_id, ticket_id, fire_key)
      )`);

    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id uuid REFERENCES rules (id) ON DELETE SET NULL,
        ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        url text NOT NULL,
        payload jsonb NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        response_status integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (created_at) WHERE state = 'queued'`);

    await q.query(`ALTER TABLE tickets ADD COLUMN status_changed_at timestamptz`);
    await q.query(`UPDATE tickets SET status_changed_at = coalesce(closed_at, resolved_at, created_at)`);
    await q.query(`ALTER TABLE tickets ALTER COLUMN status_changed_at SET NOT NULL, ALTER COLUMN status_changed_at SET DEFAULT now()`);
    await q.query(`CREATE INDEX tickets_status_changed_idx ON tickets (status, status_changed_at)`);

    await q.query(`
      ALTER TABLE messages ADD COLUMN purpose text NOT NULL DEFAULT 'conversation'
        CHECK (purpose IN ('conversation', 'forward', 'notification'))`);

    await this.seedScenarios(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE messages DROP COLUMN purpose`);
    await q.query(`ALTER TABLE tickets DROP COLUMN status_changed_at`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE rule_firings`);
    await q.query(`DROP TABLE rules`);
  }

  /**
   * The product brief's scenarios, written as an admin would, disabled. They
   * find queues, categories and templates by slug; a scenario whose pieces an
   * installation lacks is left out.
   */
  private async seedScenarios(q: QueryRunner): Promise<void> {
    const id = async (table: 'queues' | 'categories' | 'templates', slug: string): Promise<string | null> => {
      const rows = (await q.query(`SELECT id FROM ${table} WHERE slug = $1`, [slug])) as { id: string }[];
      return rows[0]?.id ?? null;
    };
    const complaints = await id('queues', 'complaints');
    const accounting = await id('queues', 'accounting');
    const complaintCategory = await id('categories', 'complaint-return');
    const invoiceCategory = await id('categories', 'invoice-payment');
    const orderStatusCategory = await id('categories', 'order-status');
    const orderStatusTemplate = await id('templates', 'order-status');
    const reminderTemplate = await id('templates', 'waiting-customer-reminder');

    const all = (...conditions: object[]) => ({ match: 'all', conditions });
    const any = (...conditions: object[]) => ({ match: 'any', conditions });
    const scenarios: {
      slug: string; name: string; description: string; trigger: string; params?: object; conditions: object; actions: (object | null)[];
      needs: (string | null)[];
    }[] = [
      {
        slug: 'complaints-address',
        name: 'Reklamacje: adres reklamacje@ → kolejka Reklamacje, wysoki priorytet',
        description: 'Every mail that reached a reklamacje@ address goes to the complaints queue as a high-priority complaint, assigned by the queue.',
        trigger: 'ticket_created',
        conditions: all({ field: 'inbound_address', operator: 'starts_with', value: 'reklamacje@' }),
        actions: [
          { type: 'set_queue', queueId: complaints },
          { type: 'set_category', categoryId: complaintCategory },
          { type: 'set_priority', priority: 'high' },
          { type: 'assign_by_strategy' },
        ],
        needs: [complaints, complaintCategory],
      },
      {
        slug: 'failure-urgent',
        name: 'Awaria: „awaria” lub „nie działa” → pilne, powiadom kolejkę',
        description: 'A failure report in the subject or body is urgent and the whole queue hears about it.',
        trigger: 'ticket_created',
        conditions: any(
          { field: 'subject', operator: 'contains_any_word', value: ['awaria', 'nie działa'] },
          { field: 'body', operator: 'contains_any_word', value: ['awaria', 'nie działa'] },
        ),
        actions: [{ type: 'set_priority', priority: 'urgent' }, { type: 'notify', target: 'queue' }],
        needs: [],
      },
      {
        slug: 'invoices-to-accounting',
        name: 'Faktury: „faktura”, „FV”, „płatność” → Księgowość',
        description: 'Invoice and payment questions go to accounting.',
        trigger: 'ticket_created',
        conditions: any(
          { field: 'subject', operator: 'contains_any_word', value: ['faktura', 'faktury', 'fakturę', 'FV', 'płatność', 'płatności'] },
          { field: 'body', operator: 'contains_any_word', value: ['faktura', 'faktury', 'fakturę', 'FV', 'płatność', 'płatności'] },
        ),
        actions: [
          { type: 'set_queue', queueId: accounting },
          ...(invoiceCategory ? [{ type: 'set_category', categoryId: invoiceCategory }] : []),
        ],
        needs: [accounting],
      },
      {
        slug: 'order-status-auto-answer',
        name: 'Status zamówienia: odpowiedz szablonem i rozwiąż',
        description: 'Order-status questions are answered with the order-status template and resolved; a reply from the customer reopens the ticket.',
        trigger: 'ticket_created',
        conditions: any(
          { field: 'subject', operator: 'contains_any_word', value: ['status zamówienia', 'gdzie jest moja paczka', 'gdzie jest moje zamówienie', 'kiedy wysyłka', 'kiedy zostanie wysłane'] },
          { field: 'body', operator: 'contains_any_word', value: ['status zamówienia', 'gdzie jest moja paczka', 'gdzie jest moje zamówienie', 'kiedy wysyłka', 'kiedy zostanie wysłane'] },
        ),
        actions: [
          ...(orderStatusCategory ? [{ type: 'set_category', categoryId: orderStatusCategory }] : []),
          { type: 'reply_with_template', templateId: orderStatusTemplate },
          { type: 'set_status', status: 'resolved' },
        ],
        needs: [orderStatusTemplate],
      },
      {
        slug: 'waiting-customer-reminder',
        name: 'Czekamy na klienta 3 dni → przypomnienie',
        description: 'Three days without an answer from the customer: remind them.',
        trigger: 'time_in_status',
        params: { status: 'waiting_customer', hours: 72 },
        conditions: all(),
        actions: [{ type: 'reply_with_template', templateId: reminderTemplate }],
        needs: [reminderTemplate],
      },
      {
        slug: 'waiting-customer-close',
        name: 'Czekamy na klienta 7 dni → zamknij',
        description: 'Seven days without an answer from the customer: close the ticket.',
        trigger: 'time_in_status',
        params: { status: 'waiting_customer', hours: 168 },
        conditions: all(),
        actions: [{ type: 'close' }],
        needs: [],
      },
    ];
    let position = 0;
    for (const s of scenarios) {
      position += 10;
      if (s.needs.some((n) => n === null)) continue;
      await q.query(
        `INSERT INTO rules (slug, name, description, enabled, position, trigger, trigger_params, conditions, actions)
         VALUES ($1, $2, $3, false, $4, $5, $6, $7, $8)`,
        [s.slug, s.name, s.description, position, s.trigger, JSON.stringify(s.params ?? {}), JSON.stringify(s.conditions), JSON.stringify(s.actions.filter(Boolean))],
      );
    }
  }
}
