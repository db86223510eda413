import { ApiProperty } from '@nestjs/swagger';
import { WEBHOOK_EVENTS } from '../webhook-event-types.js';
import type { WebhookRow } from '../webhooks.repository.js';

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'https://integracje.sklep.pl/okienko' })
  url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events!: string[];

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ description: 'Whether message.created is also sent for internal notes.' })
  includeNotes!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Since when every delivery failed (null: the last one succeeded).' })
  failingSince!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the endpoint was disabled for failing (PATCH active: true enables it again).' })
  disabledAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  disabledReason!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Until when the previous secret also signs (after a rotation).' })
  previousSecretValidUntil!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(w: WebhookRow): WebhookDto {
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return {
      id: w.id, url: w.url, events: w.events, description: w.description, active: w.active, includeNotes: w.includeNotes,
      failingSince: iso(w.failingSince), disabledAt: iso(w.disabledAt), disabledReason: w.disabledReason,
      previousSecretValidUntil: w.previousSecretUntil && new Date(w.previousSecretUntil) > new Date() ? iso(w.previousSecretUntil) : null,
      createdAt: iso(w.createdAt)!, updatedAt: iso(w.updatedAt)!,
    };
  }
}

export class WebhookWithSecretDto extends WebhookDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The signing secret (Standard Webhooks: whsec_ and base64), shown only now.' })
  secret!: string;
}

export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] })
  items!: WebhookDto[];

  @ApiProperty()
  total!: number;
}

export class RotatedSecretDto {
  @ApiProperty({ example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', description: 'The new signing secret, shown only now.' })
  secret!: string;

  @ApiProperty({ format: 'date-time', description: 'Until when requests are also signed with the previous secret.' })
  previousSecretValidUntil!: string;
}

export class WebhookAttemptDto {
  @ApiProperty({ format: 'date-time' })
  attemptedAt!: string;

  @ApiProperty({ type: Number, nullable: true, description: 'The HTTP status answered; null when no answer came.' })
  status!: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'The start of the answer (500 characters).' })
  responseExcerpt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Why the attempt failed.' })
  error!: string | null;

  @ApiProperty({ description: 'How long the request took, in milliseconds.' })
  durationMs!: number;
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'msg_2b9c0f6f6f3e4f1f9a6b8a7d5c4e3f21', description: 'The webhook-id header: the same on every attempt and redelivery.' })
  messageId!: string;

  @ApiProperty({ example: 'ticket.created' })
  event!: string;

  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  state!: string;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: Number, nullable: true })
  lastStatus!: number | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The body sent: {type, timestamp, data}.' })
  payload!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;

  @ApiProperty({ type: [WebhookAttemptDto] })
  attemptLog!: WebhookAttemptDto[];
}

export class WebhookDeliveryListDto {
  @ApiProperty({ type: [WebhookDeliveryDto] })
  items!: WebhookDeliveryDto[];

  @ApiProperty()
  total!: number;
}

