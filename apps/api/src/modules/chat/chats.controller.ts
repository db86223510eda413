import { Body, Controller, Get, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiGoneResponse, ApiNoContentResponse, ApiNotFoundResponse,
  ApiOkResponse, ApiOperation, ApiQuery, ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { ChatAgentService } from './chat-agent.service.js';
import { ChatErrorCode, ChatException } from './chat.exception.js';
import { CHAT_FILE_LIMIT_BYTES } from './chat-visitor.service.js';
import { ChatAvailabilityDto, ChatDetailDto, ChatEventDto, ChatSessionDto, ChatSessionListDto } from './dtos/chat.dto.js';
import { ChatAvailabilityInputDto, ChatQueryDto, ChatTextDto, ChatTransferDto, ChatTypingDto } from './dtos/chat-inputs.dto.js';
import { mimeTypeOf, readRawBody, safeFilename } from '../../core/http/read-raw-body.js';

const NOT_FOUND = 'CHAT_SESSION_NOT_FOUND: no such chat, or one whose ticket the agent may not see';

/** Live chats for agents: waiting chats, accepting, replying, typing, handing over, ending; availability. */
@ApiTags('chat')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input; `details.fields` names each field', type: ErrorResponseDto })
@Controller('chats')
export class ChatsController {
  constructor(private readonly chats: ChatAgentService) {}

  @Get('availability')
  @ApiOperation({ summary: 'Whether the signed-in agent is available for chat' })
  @ApiOkResponse({ type: ChatAvailabilityDto })
  availability(@CurrentActor() actor: Actor): Promise<ChatAvailabilityDto> {
    return this.chats.availability(actor);
  }

  @Put('availability')
  @ApiOperation({ summary: 'The signed-in agent is available for chat, or away (with nobody available the widget offers the web form)' })
  @ApiOkResponse({ type: ChatAvailabilityDto })
  setAvailability(@Body() dto: ChatAvailabilityInputDto, @CurrentActor() actor: Actor): Promise<ChatAvailabilityDto> {
    return this.chats.setAvailability(dto.available, actor);
  }

  @Get()
  @ApiOperation({ summary: 'Chats (each with its ticket), newest first: waiting, active or ended' })
  @ApiOkResponse({ type: ChatSessionListDto })
  list(@Query() query: ChatQueryDto, @CurrentActor() actor: Actor): Promise<ChatSessionListDto> {
    return this.chats.list(query.state, query.limit, query.offset, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A chat with its conversation' })
  @ApiOkResponse({ type: ChatDetailDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  get(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ChatDetailDto> {
    return this.chats.get(id, actor);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Accept a waiting chat: it is the agent’s, colleagues see it taken' })
  @ApiOkResponse({ type: ChatSessionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'CHAT_TAKEN: a colleague accepted it first', type: ErrorResponseDto })
  @ApiGoneResponse({ description: 'CHAT_SESSION_ENDED', type: ErrorResponseDto })
  accept(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ChatSessionDto> {
    return this.chats.accept(id, actor);
  }

  @Post(':id/messages')
  @ApiOperation({ summary: 'Reply in the chat: a reply on its ticket, shown to the visitor at once' })
  @ApiCreatedResponse({ type: ChatEventDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'CHAT_NOT_YOURS: accept the chat first (or a colleague has it)', type: ErrorResponseDto })
  @ApiGoneResponse({ description: 'CHAT_SESSION_ENDED', type: ErrorResponseDto })
  reply(@UuidParam() id: string, @Body() dto: ChatTextDto, @CurrentActor() actor: Actor): Promise<ChatEventDto> {
    return this.chats.reply(id, dto.text.trim(), actor);
  }

  @Post(':id/files')
  @ApiOperation({
    summary: 'Send the visitor a file (the raw bytes as the body, its type as Content-Type, its name in `?name=`; at most 5 MB): a reply with the file on the chat’s ticket, shown to the visitor at once',
  })
  @ApiQuery({ name: 'name', required: true, example: 'etykieta-zwrotna.pdf' })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ChatEventDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'CHAT_NOT_YOURS: accept the chat first (or a colleague has it)', type: ErrorResponseDto })
  @ApiGoneResponse({ description: 'CHAT_SESSION_ENDED', type: ErrorResponseDto })
  async file(@UuidParam() id: string, @Query('name') name: unknown, @Req() request: Request, @CurrentActor() actor: Actor): Promise<ChatEventDto> {
    if (typeof name !== 'string' || !name.trim()) throw new ChatException(ChatErrorCode.FileInvalid, 'name must name the file', 'name');
    const content = await readRawBody(request, CHAT_FILE_LIMIT_BYTES);
    if (!content) throw new ChatException(ChatErrorCode.FileInvalid, `The file must be at most ${CHAT_FILE_LIMIT_BYTES / 1024 / 1024} MB`, 'file');
    return this.chats.file(id, safeFilename(name.trim(), 'plik'), mimeTypeOf(request), content, actor);
  }

  @Post(':id/typing')
  @HttpCode(204)
  @ApiOperation({ summary: 'The agent is typing (or stopped): shown to the visitor' })
  @ApiNoContentResponse({ description: 'Told' })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'CHAT_NOT_YOURS', type: ErrorResponseDto })
  async typing(@UuidParam() id: string, @Body() dto: ChatTypingDto, @CurrentActor() actor: Actor): Promise<void> {
    await this.chats.typing(id, dto.typing, actor);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand the chat to a colleague' })
  @ApiOkResponse({ type: ChatSessionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'CHAT_NOT_YOURS', type: ErrorResponseDto })
  transfer(@UuidParam() id: string, @Body() dto: ChatTransferDto, @CurrentActor() actor: Actor): Promise<ChatSessionDto> {
    return this.chats.transfer(id, dto.userId, actor);
  }

  @Post(':id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End the chat; its ticket keeps the conversation' })
  @ApiOkResponse({ type: ChatSessionDto })
  @ApiNotFoundResponse({ description: NOT_FOUND, type: ErrorResponseDto })
  end(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<ChatSessionDto> {
    return this.chats.end(id, actor);
  }
}
