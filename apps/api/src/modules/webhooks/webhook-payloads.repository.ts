import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** What webhook events tell of a ticket and a message (read in the transaction that changes them). */
@Injectable()
export class WebhookPayloadsRepository {
  async ticket(manager: EntityManager, id: string): Promise<Record<string, unknown> | null> {
    const rows = (await manager.query(
      `SELECT t.id, t.number, t.subject, t.status, t.priority, t.channel, t.queue_id AS "queueId", t.category_id AS "categoryId",
              t.assignee_id AS "assigneeId", t.tags, t.created_at AS "createdAt", t.updated_at AS "updatedAt",
              json_build_object('id', c.id, 'name', c.name, 'email', c.email) AS customer
         FROM tickets t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = $1`,
      [id],
    )) as Record<string, unknown>[];
    return rows[0] ?? null;
  }

  /** The ticket's customer when the customer was created in this very transaction (with the ticket), else null. */
  async customerCreatedWith(manager: EntityManager, ticketId: string): Promise<Record<string, unknown> | null> {
    const rows = (await manager.query(
      `SELECT c.id, c.name, c.email, c.phones, c.created_at AS "createdAt"
         FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = $1 AND c.created_at = now()`,
      [ticketId],
    )) as Record<string, unknown>[];
    return rows[0] ?? null;
  }

  /** A customer as `customer.created` tells of it. */
  async customer(manager: EntityManager, id: string): Promise<Record<string, unknown> | null> {
    const rows = (await manager.query(`SELECT c.id, c.name, c.email, c.phones, c.created_at AS "createdAt" FROM customers c WHERE c.id = $1`, [id])) as Record<string, unknown>[];
    return rows[0] ?? null;
  }

  /** The message a ticket was opened with. */
  async firstMessage(manager: EntityManager, ticketId: string): Promise<Record<string, unknown> | null> {
    const rows = (await manager.query(`SELECT id FROM messages WHERE ticket_id = $1 ORDER BY created_at, id LIMIT 1`, [ticketId])) as { id: string }[];
    return rows[0] ? this.message(manager, rows[0].id) : null;
  }

  /** A message: `kind` customer (inbound), agent (outbound) or note. */
  async message(manager: EntityManager, id: string): Promise<Record<string, unknown> | null> {
    const rows = (await manager.query(
      `SELECT m.id, CASE m.direction WHEN 'inbound' THEN 'customer' WHEN 'outbound' THEN 'agent' ELSE 'note' END AS kind,
              m.direction, m.automated, m.body_text AS text, m.body_html AS html, m.channel_type AS "channelType", m.channel_id AS "channelId",
              m.external_thread_id AS "externalThreadId", m.external_message_id AS "externalMessageId", m.created_at AS "createdAt",
              m.author_user_id AS "authorUserId", m.author_customer_id AS "authorCustomerId"
         FROM messages m WHERE m.id = $1`,
      [id],
    )) as Record<string, unknown>[];
    return rows[0] ?? null;
  }
}
