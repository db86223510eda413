import { ApiProperty } from '@nestjs/swagger';
import type { DraftAuthor } from '../drafts.repository.js';
import type { MessageDraftEntity } from '../entities/message-draft.entity.js';

/** The signed-in agent's draft on a ticket. */
export class DraftDto {
  @ApiProperty({ enum: ['reply', 'note'] })
  type!: 'reply' | 'note';

  @ApiProperty()
  body!: string;

  @ApiProperty({ type: String, nullable: true })
  html!: string | null;

  @ApiProperty({ type: [String] })
  toAddresses!: string[];

  @ApiProperty({ type: [String] })
  ccAddresses!: string[];

  @ApiProperty({ type: [String] })
  bccAddresses!: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  channelId!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  static from(d: MessageDraftEntity): DraftDto {
    return {
      type: d.type, body: d.body, html: d.html, toAddresses: d.toAddresses, ccAddresses: d.ccAddresses, bccAddresses: d.bccAddresses,
      channelId: d.channelId, updatedAt: d.updatedAt.toISOString(),
    };
  }
}

/** A colleague writing on the same ticket (their text is theirs: only who and since when). */
export class DraftAuthorDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'Anna Wiśniewska' })
  name!: string;

  @ApiProperty({ enum: ['reply', 'note'] })
  type!: 'reply' | 'note';

  @ApiProperty({ format: 'date-time', description: 'When they last changed it.' })
  updatedAt!: string;

  static from(a: DraftAuthor): DraftAuthorDto {
    return { userId: a.userId, name: a.name, type: a.type, updatedAt: a.updatedAt.toISOString() };
  }
}

/** The agent's own draft on the ticket (null: none) and which colleagues have one. */
export class DraftStateDto {
  @ApiProperty({ type: DraftDto, nullable: true })
  draft!: DraftDto | null;

  @ApiProperty({ type: [DraftAuthorDto], description: "Other agents with an unsent draft on this ticket (the collision warning's \"Anna is writing a reply (draft)\")." })
  colleagues!: DraftAuthorDto[];
}
