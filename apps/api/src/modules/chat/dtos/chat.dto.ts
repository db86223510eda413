import { ApiProperty } from '@nestjs/swagger';

export class ChatAttachmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() filename!: string;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
}

/** Something that happened in a chat, as the visitor's stream carries it (its `id` is the SSE event id). */
export class ChatEventDto {
  @ApiProperty({ example: '42' }) id!: string;
  @ApiProperty({ enum: ['message', 'agent_joined', 'transferred', 'ended'] }) type!: 'message' | 'agent_joined' | 'transferred' | 'ended';
  @ApiProperty({ enum: ['visitor', 'agent', 'system'] }) author!: 'visitor' | 'agent' | 'system';
  @ApiProperty({ type: String, nullable: true, description: 'The agent’s or visitor’s name' }) authorName!: string | null;
  @ApiProperty({ type: String, nullable: true }) text!: string | null;
  @ApiProperty({ type: ChatAttachmentDto, nullable: true }) attachment!: ChatAttachmentDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

class ChatAgentRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** A chat as agents see it in the panel. */
export class ChatSessionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty({ enum: ['waiting', 'active', 'ended'], description: 'waiting: nobody accepted it yet' }) state!: 'waiting' | 'active' | 'ended';
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The address the visitor left (the transcript goes there)' }) email!: string | null;
  @ApiProperty({ description: 'The shop vouched for the e-mail (identityHash): the chat is that customer’s' }) verified!: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) customerId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The chat’s ticket (from the first message)' }) ticketId!: string | null;
  @ApiProperty({ type: ChatAgentRefDto, nullable: true }) agent!: ChatAgentRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt!: string | null;
}

export class ChatSessionListDto {
  @ApiProperty({ type: [ChatSessionDto] }) items!: ChatSessionDto[];
  @ApiProperty() total!: number;
}

export class ChatDetailDto extends ChatSessionDto {
  @ApiProperty({ type: [ChatEventDto], description: 'The conversation so far' }) events!: ChatEventDto[];
}

/** A new visitor session: the id and the secret token its requests carry. */
export class CreatedChatSessionDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ description: 'Carried as `Authorization: Bearer <token>` (or `?token=` on the event stream)' }) token!: string;
  @ApiProperty({ description: 'Keep it in the browser: a later session with it continues the visitor’s open ticket' }) visitorId!: string;
  @ApiProperty({ description: 'The identityHash was valid: the chat is attached to that customer' }) verified!: boolean;
  @ApiProperty({ description: 'Somebody is available to chat; otherwise offer the offline form' }) online!: boolean;
}

export class ChatStatusDto {
  @ApiProperty({ description: 'An agent of the channel is available for chat' }) online!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The channel’s web form to offer instead when nobody is available' }) offlineFormUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
}

export class ChatAvailabilityDto {
  @ApiProperty() available!: boolean;
}

export class PostedChatMessageDto {
  @ApiProperty({ type: ChatEventDto }) event!: ChatEventDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ticketId!: string | null;
}

export class OfflineMessageResultDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
}

export class EndedChatDto {
  @ApiProperty({ enum: ['ended'] }) state!: 'ended';
}
