import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TicketStatus } from '@okienko/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationActor, NotificationKind, TicketNotificationKind } from './notification-kind.js';

/** A notification to write. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  /** Null only for administrators' notifications that concern no ticket (`webhook_disabled`). */
  ticketId: string | null;
  eventId: string | null;
  actor: NotificationActor;
  payload: Record<string, unknown>;
}

/** A notification as read, with its ticket's number and subject (null for those of no ticket). */
export interface NotificationRow {
  id: string;
  userId: string;
  kind: NotificationKind;
  ticketId: string | null;
  ticketNumber: string | null;
  ticketSubject: string | null;
  actor: NotificationActor;
  payload: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/** A ticket's notification claimed for mail. */
export type MailedNotification = NotificationRow & { kind: TicketNotificationKind; ticketId: string; ticketNumber: string; ticketSubject: string; email: string; locale: string };

/** A user as the notifications need them: who they are, what they see, what they want by mail. */
export interface RecipientUser {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'agent';
  locale: string;
  notificationSettings: NotificationSettings;
}

/** Per kind, whether it also comes by mail. */
export interface NotificationSettings {
  email?: Partial<Record<TicketNotificationKind, boolean>>;
}

/** The ticket of a change, as read inside its transaction. */
export interface NotifiedTicket {
  id: string;
  number: string;
  subject: string;
  queueId: string | null;
  assigneeId: string | null;
  status: string;
}

const SELECT = `SELECT n.id, n.user_id, n.kind, n.ticket_id, t.number, t.subject, n.actor, n.payload, n.created_at, n.read_at
  FROM notifications n LEFT JOIN tickets t ON t.id = n.ticket_id`;

interface Row {
  id: string; user_id: string; kind: NotificationKind; ticket_id: string | null; number: string | null; subject: string | null;
  actor: NotificationActor; payload: Record<string, unknown>; created_at: Date; read_at: Date | null;
}

function toRow(r: Row): NotificationRow {
  return {
    id: r.id, userId: r.user_id, kind: r.kind, ticketId: r.ticket_id, ticketNumber: r.number, ticketSubject: r.subject,
    actor: r.actor, payload: r.payload, createdAt: r.created_at, readAt: r.read_at,
  };
}

/** The `notifications` table (and the reads of tickets and users that deciding who is notified needs). */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, rows: NewNotification[]): Promise<void> {
    if (!rows.length) return;
    await manager.query(
      `INSERT INTO notifications (user_id, kind, ticket_id, event_id, actor, payload)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::bigint[], $5::jsonb[], $6::jsonb[])`,
      [
        rows.map((r) => r.userId), rows.map((r) => r.kind), rows.map((r) => r.ticketId), rows.map((r) => r.eventId),
        rows.map((r) => JSON.stringify(r.actor)), rows.map((r) => JSON.stringify(r.payload)),
      ],
    );
  }

  /** The user's notifications, unread first, newest first; how many in all and how many unread. */
  async list(userId: string, limit: number, offset: number): Promise<{ items: NotificationRow[]; total: number; unread: number }> {
    const [rows, counts] = await Promise.all([
      this.dataSource.query(`${SELECT} WHERE n.user_id = $1 ORDER BY (n.read_at IS NULL) DESC, n.created_at DESC, n.id LIMIT $2 OFFSET $3`, [userId, limit, offset]),
      this.dataSource.query(`SELECT count(*)::int AS total, (count(*) FILTER (WHERE read_at IS NULL))::int AS unread FROM notifications WHERE user_id = $1`, [userId]),
    ]) as [Row[], { total: number; unread: number }[]];
    return { items: rows.map(toRow), total: counts[0].total, unread: counts[0].unread };
  }

  /** Marks the user's own notifications read (others' ids are ignored); answers how many changed. */
  async markRead(userId: string, ids: string[] | 'all'): Promise<number> {
    const result = (await this.dataSource.query(
      ids === 'all'
        ? `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`
        : `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL AND id = ANY($2::uuid[])`,
      ids === 'all' ? [userId] : [userId, ids],
    )) as [unknown[], number];
    return result[1];
  }

  async unreadCount(userId: string): Promise<number> {
    const rows = (await this.dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId])) as { n: number }[];
    return rows[0].n;
  }

  /** The notifications written with these audit events, for these users (live delivery). */
  async forEvents(eventIds: string[], userIds: string[]): Promise<NotificationRow[]> {
    if (!eventIds.length || !userIds.length) return [];
    const rows = (await this.dataSource.query(
      `${SELECT} WHERE n.event_id = ANY($1::bigint[]) AND n.user_id = ANY($2::uuid[]) ORDER BY n.created_at, n.id`,
      [eventIds, userIds],
    )) as Row[];
    return rows.map(toRow);
  }

  async ticket(manager: EntityManager, ticketId: string): Promise<NotifiedTicket | null> {
    const rows = (await manager.query(`SELECT id, number, subject, queue_id, assignee_id, status FROM tickets WHERE id = $1`, [ticketId])) as {
      id: string; number: string; subject: string; queue_id: string | null; assignee_id: string | null; status: string;
    }[];
    const r = rows[0];
    return r ? { id: r.id, number: r.number, subject: r.subject, queueId: r.queue_id, assigneeId: r.assignee_id, status: r.status } : null;
  }

  /** Active users by id; with `null`, every active user (the agents a note may mention). */
  async activeUsers(manager: EntityManager, ids: string[] | null): Promise<RecipientUser[]> {
    const rows = (await manager.query(
      `SELECT id, email, name, role, locale, notification_settings FROM users WHERE active ${ids ? 'AND id = ANY($1::uuid[])' : ''}`,
      ids ? [ids] : [],
    )) as { id: string; email: string; name: string; role: 'admin' | 'agent'; locale: string; notification_settings: NotificationSettings }[];
    return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, locale: r.locale, notificationSettings: r.notification_settings ?? {} }));
  }

  /** The active administrators (told of what concerns the whole installation). */
  async activeAdminIds(manager: EntityManager): Promise<string[]> {
    const rows = (await manager.query(`SELECT id FROM users WHERE role = 'admin' AND active`)) as { id: string }[];
    return rows.map((r) => r.id);
  }

  async messageText(manager: EntityManager, messageId: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT body_text FROM messages WHERE id = $1`, [messageId])) as { body_text: string | null }[];
    return rows[0]?.body_text ?? null;
  }

  /** Who snoozed the ticket last (a user), for a snooze that ends on an unassigned ticket. */
  async lastSnoozer(manager: EntityManager, ticketId: string): Promise<string | null> {
    const rows = (await manager.query(
      `SELECT actor_id FROM ticket_events WHERE ticket_id = $1 AND type = 'snoozed' AND actor_type = 'user' ORDER BY id DESC LIMIT 1`,
      [ticketId],
    )) as { actor_id: string }[];
    return rows[0]?.actor_id ?? null;
  }

  /** Snoozed tickets whose time has come, the longest due first (the partial index on snoozed_until). */
  async dueSnoozes(now: Date, limit: number): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM tickets WHERE snoozed_until IS NOT NULL AND snoozed_until <= $1 ORDER BY snoozed_until LIMIT $2`,
      [now, limit],
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The ticket locked for this transaction, or null when another holds it. */
  async lockedTicketOrSkip(manager: EntityManager, ticketId: string): Promise<{ id: string; status: TicketStatus; snoozedUntil: Date | null } | null> {
    const rows = (await manager.query(`SELECT id, status, snoozed_until FROM tickets WHERE id = $1 FOR UPDATE SKIP LOCKED`, [ticketId])) as {
      id: string; status: TicketStatus; snoozed_until: Date | null;
    }[];
    return rows[0] ? { id: rows[0].id, status: rows[0].status, snoozedUntil: rows[0].snoozed_until } : null;
  }

  /**
   * Unread notifications of the last day not mailed yet whose kind the user
   * wants by mail (`defaults` when they never said), marked mailed in the
   * caller's transaction (others' claims are skipped).
   */
  async claimForMail(manager: EntityManager, defaults: Readonly<Record<TicketNotificationKind, boolean>>, limit: number): Promise<MailedNotification[]> {
    const rows = (await manager.query(
      `WITH due AS (
         SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.mailed_at IS NULL AND n.read_at IS NULL AND n.created_at > now() - interval '1 day' AND u.active
            AND COALESCE((u.notification_settings -> 'email' ->> n.kind)::boolean, ($1::jsonb ->> n.kind)::boolean)
          ORDER BY n.created_at LIMIT $2 FOR UPDATE OF n SKIP LOCKED),
       marked AS (UPDATE notifications SET mailed_at = now() FROM due WHERE notifications.id = due.id RETURNING notifications.*)
       SELECT m.id, m.user_id, m.kind, m.ticket_id, t.number, t.subject, m.actor, m.payload, m.created_at, m.read_at, u.email, u.locale
         FROM marked m JOIN tickets t ON t.id = m.ticket_id JOIN users u ON u.id = m.user_id`,
      [JSON.stringify(defaults), limit],
    )) as (Row & { email: string; locale: string })[];
    // Only kinds with a default (those of tickets) are claimed, and the join keeps those with a ticket.
    return rows.map((r) => ({ ...toRow(r), email: r.email, locale: r.locale }) as MailedNotification);
  }

  async settings(userId: string): Promise<NotificationSettings> {
    const rows = (await this.dataSource.query(`SELECT notification_settings FROM users WHERE id = $1`, [userId])) as { notification_settings: NotificationSettings }[];
    return rows[0]?.notification_settings ?? {};
  }

  async saveSettings(userId: string, settings: NotificationSettings): Promise<void> {
    await this.dataSource.query(`UPDATE users SET notification_settings = $2::jsonb WHERE id = $1`, [userId, JSON.stringify(settings)]);
  }
}
