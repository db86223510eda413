import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '../notification-kind.js';
import type { NotificationRow } from '../notifications.repository.js';

export class NotificationActorDto {
  @ApiProperty({ enum: ['user', 'api_token', 'rule', 'system', 'customer'], description: 'Who caused it, as the audit trail names them.' })
  type!: string;

  @ApiProperty({ type: String, nullable: true })
  id!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Ala Nowak' })
  name!: string | null;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    description: 'mention: `@you` in an internal note; assigned: the ticket was assigned to you (by somebody else or a rule); customer_replied: the customer ' +
      'wrote on your ticket or one you watch; sla_warning: an SLA warning on such a ticket; snooze_ended: the snooze of your ticket ended; ' +
      'webhook_disabled (administrators only, no ticket): a webhook endpoint failed for WEBHOOKS_DISABLE_AFTER_HOURS (72 by default) and was disabled.',
  })
  kind!: NotificationKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for notifications of no ticket (webhook_disabled).' })
  ticketId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2026-000123' })
  ticketNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Zwrot zamówienia 4521' })
  ticketSubject!: string | null;

  @ApiProperty({ type: NotificationActorDto })
  actor!: NotificationActorDto;

  @ApiProperty({
    type: 'object', additionalProperties: true,
    description: 'Per kind: mention and customer_replied `{messageId, excerpt}`; sla_warning `{target, dueAt}`; snooze_ended `{snoozedUntil}`; assigned `{}`; ' +
      'webhook_disabled `{webhookId, url, description, reason, failingSince}`.',
  })
  payload!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was marked read; null: unread.' })
  readAt!: string | null;

  static from(row: NotificationRow): NotificationDto {
    return {
      id: row.id, kind: row.kind, ticketId: row.ticketId, ticketNumber: row.ticketNumber, ticketSubject: row.ticketSubject,
      actor: row.actor, payload: row.payload, createdAt: row.createdAt.toISOString(), readAt: row.readAt?.toISOString() ?? null,
    };
  }
}
