import { ApiProperty } from '@nestjs/swagger';
import type { TicketEventEntity } from '../entities/ticket-event.entity.js';

export class TicketEventDto {
  @ApiProperty()
  id!: number;

  @ApiProperty({ example: 'field_changed', description: 'created, field_changed, message_added' })
  type!: string;

  @ApiProperty({ enum: ['user', 'api_token', 'rule', 'system', 'customer'] })
  actorType!: string;

  @ApiProperty({ type: String, nullable: true })
  actorId!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Anna Nowak' })
  actorName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'status' })
  field!: string | null;

  @ApiProperty({ nullable: true, description: 'The value before the change (any JSON).' })
  oldValue!: unknown;

  @ApiProperty({ nullable: true, description: 'The value after the change (any JSON).' })
  newValue!: unknown;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static from(event: TicketEventEntity): TicketEventDto {
    return {
      id: Number(event.id),
      type: event.type,
      actorType: event.actorType,
      actorId: event.actorId,
      actorName: event.actorName,
      field: event.field,
      oldValue: event.oldValue ?? null,
      newValue: event.newValue ?? null,
      createdAt: event.createdAt.toISOString(),
    };
  }
}
