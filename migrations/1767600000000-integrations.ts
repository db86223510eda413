import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shop integrations (WooCommerce, BaseLinker, Shoper): the connection's
 * settings, its credentials encrypted (SECRETS_KEY) and the queues it serves
 * (none: every queue). An order pinned to a ticket is kept as a snapshot on
 * the ticket. The seeded order-status templates name the customer's order (their
 * order lines are left out when there is no order or no parcel yet).
 */
export class Integrations1767600000000 implements MigrationInterface {
  name = 'Integrations1767600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE integrations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN ('woocommerce', 'baselinker', 'shoper')),
        name text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}',
        secrets text NOT NULL,
        queue_ids uuid[] NOT NULL DEFAULT '{}',
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ticket_orders (
        ticket_id uuid PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
        integration_id uuid REFERENCES integrations (id) ON DELETE SET NULL,
        external_id text NOT NULL,
        snapshot jsonb NOT NULL,
        pinned_by uuid REFERENCES users (id) ON DELETE SET NULL,
        pinned_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const [slug, from, to] of TEMPLATE_LINES) {
      await q.query(`UPDATE templates SET body = replace(body, $2, $3), updated_at = now() WHERE slug = $1 AND position($2 in body) > 0`, [slug, from, to]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [slug, from, to] of TEMPLATE_LINES) {
      await q.query(`UPDATE templates SET body = replace(body, $3, $2) WHERE slug = $1`, [slug, from, to]);
    }
    await q.query(`DROP TABLE IF EXISTS ticket_orders`);
    await q.query(`DROP TABLE IF EXISTS integrations`);
  }
}

/** The seeded order-status templates (where still as seeded) answer with the customer's order and its tracking link. */
const TEMPLATE_LINES: [slug: string, from: string, to: string][] = [
  [
    'order-status',
    'dziękujemy za pytanie o zamówienie. Sprawdziliśmy je w naszym systemie i na bieżąco pilnujemy jego realizacji.',
    'dziękujemy za pytanie o zamówienie. Sprawdziliśmy je w naszym systemie i na bieżąco pilnujemy jego realizacji.\n' +
      'Zamówienie nr {{order.number}}: {{order.status}}, wartość {{order.total}}.\n' +
      'Przesyłkę ({{order.carrier}}) można śledzić tutaj: {{order.trackingUrl}}',
  ],
  [
    'order-status-en',
    'thank you for asking about your order. We have checked it in our system and are keeping an eye on it.',
    'thank you for asking about your order. We have checked it in our system and are keeping an eye on it.\n' +
      'Order {{order.number}}: {{order.status}}, total {{order.total}}.\n' +
      'You can follow the parcel ({{order.carrier}}) here: {{order.trackingUrl}}',
  ],
];
