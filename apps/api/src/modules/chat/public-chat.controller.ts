import { Body, Controller, Get, HttpCode, Inject, Options, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiGoneResponse, ApiHeader, ApiNoContentResponse, ApiNotFoundResponse,
  ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/public.decorator.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { PublicRateLimiter } from '../public-limits/public-rate-limiter.service.js';
import { ChatBusService } from './chat-bus.service.js';
import { chatCors, chatToken, clientAddress } from './chat-cors.js';
import { ChatErrorCode, ChatException } from './chat.exception.js';
import type { ChatSessionRow } from './chat.repository.js';
import { ChatSessionsService } from './chat-sessions.service.js';
import { CHAT_FILE_LIMIT_BYTES, ChatVisitorService } from './chat-visitor.service.js';
import { ChatStatusDto, CreatedChatSessionDto, EndedChatDto, OfflineMessageResultDto, PostedChatMessageDto } from './dtos/chat.dto.js';
import { ChatTextDto, ChatTypingDto, CreateChatSessionDto, OfflineMessageDto } from './dtos/chat-inputs.dto.js';
import { readRawBody } from '../../core/http/read-raw-body.js';
import { VisitorStream } from './visitor-stream.js';

const KEY = { name: 'key', description: 'The chat channel’s key (the widget’s `/w/{key}.js`)' };
const SESSION = { name: 'id', description: 'The session id `POST …/sessions` answered' };
const TOKEN_HEADER = { name: 'Authorization', required: false, description: '`Bearer <token>`: the token the session was created with' };
const RETRY_MS = 2_000;
/** Per session: typing signals. */
const TYPING_PER_MINUTE = 120;

/**
 * The chat widget's public routes (no sign-in, outside /api/v1): sessions,
 * the visitor's event stream (Server-Sent Events, replaying what was missed
 * after `Last-Event-ID`), messages, files, typing and the offline message.
 * Rate-limited per client address and per session; any origin may call them.
 */
@ApiTags('chat (public)')
@Public()
@ApiTooManyRequestsResponse({ description: 'RATE_LIMITED (Retry-After)', type: ErrorResponseDto })
@Controller('api/public/chat')
export class PublicChatController {
  constructor(
    private readonly visitor: ChatVisitorService,
    private readonly sessions: ChatSessionsService,
    private readonly bus: ChatBusService,
    private readonly limiter: PublicRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Options([':key/status', ':key/sessions', ':key/offline-messages', 'sessions/:id/events', 'sessions/:id/messages', 'sessions/:id/files', 'sessions/:id/typing', 'sessions/:id/end', 'sessions/:id/files/:eventId'])
  @HttpCode(204)
  @ApiExcludeEndpoint()
  preflight(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    chatCors(request, response, true);
  }

  @Get(':key/status')
  @ApiOperation({ summary: 'Whether an agent is available to chat, and the web form to offer otherwise (no sign-in)' })
  @ApiParam(KEY)
  @ApiOkResponse({ type: ChatStatusDto })
  @ApiNotFoundResponse({ description: 'CHAT_CHANNEL_NOT_FOUND', type: ErrorResponseDto })
  async status(@Param('key') key: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<ChatStatusDto> {
    chatCors(request, response);
    await this.byAddress(request);
    return this.visitor.status(key);
  }

  @Post(':key/sessions')
  @ApiOperation({
    summary: 'Start a chat (no sign-in): answers the session id and its token',
    description: 'With `email` and a valid `identityHash` (HMAC-SHA256 of the e-mail under the channel’s `settings.identitySecret`) the chat is that customer’s; otherwise the visitor is known by a `chat` identity.',
  })
  @ApiParam(KEY)
  @ApiCreatedResponse({ type: CreatedChatSessionDto })
  @ApiBadRequestResponse({ description: 'A field is wrong (`details.fields`)', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHAT_CHANNEL_NOT_FOUND', type: ErrorResponseDto })
  async create(
    @Param('key') key: string,
    @Body() dto: CreateChatSessionDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CreatedChatSessionDto> {
    chatCors(request, response);
    await this.byAddress(request, { key: `chat:sessions:${clientAddress(request)}`, max: this.config.chatLimits.sessionsPerIpPerMinute });
    return this.visitor.create(key, dto);
  }

  @Post(':key/offline-messages')
  @ApiOperation({ summary: 'Nobody available: leave a message and an address; it becomes a ticket answered by mail (no sign-in)' })
  @ApiParam(KEY)
  @ApiCreatedResponse({ type: OfflineMessageResultDto })
  @ApiBadRequestResponse({ description: 'A field is wrong (`details.fields`)', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHAT_CHANNEL_NOT_FOUND', type: ErrorResponseDto })
  async offline(
    @Param('key') key: string,
    @Body() dto: OfflineMessageDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OfflineMessageResultDto> {
    chatCors(request, response);
    await this.byAddress(request, { key: `chat:offline:${clientAddress(request)}`, max: this.config.chatLimits.messagesPerSessionPerMinute });
    return this.visitor.offline(key, dto);
  }

  @Get('sessions/:id/events')
  @ApiOperation({
    summary: 'The visitor’s live stream (Server-Sent Events): messages, agent joined, transferred, ended (numbered), typing',
    description: 'Token as `Authorization: Bearer` or `?token=`. On reconnect, `Last-Event-ID` (or `?lastEventId=`) replays every numbered event after it; without it the whole conversation is replayed.',
  })
  @ApiParam(SESSION)
  @ApiHeader(TOKEN_HEADER)
  @ApiQuery({ name: 'token', required: false })
  @ApiQuery({ name: 'lastEventId', required: false })
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'The stream' })
  @ApiUnauthorizedResponse({ description: 'CHAT_TOKEN_INVALID', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHAT_SESSION_NOT_FOUND', type: ErrorResponseDto })
  async events(@Param('id') id: string, @Query('lastEventId') lastEventQuery: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const session = await this.visitorSession(id, request, response);
    const header = request.headers['last-event-id'];
    const raw = typeof header === 'string' ? header : typeof lastEventQuery === 'string' ? lastEventQuery : '0';
    const after = /^\d{1,18}$/.test(raw.trim()) ? Number(raw.trim()) : 0;
    const stream = new VisitorStream(response);
    stream.open(RETRY_MS, null);
    // Attached before the replay is read: what happens meanwhile is not lost, and follows the replay (once, in order).
    const detach = this.bus.attach(session.id, stream);
    request.on('close', detach);
    await stream.replay(async () => (await this.visitor.history(session, after)).map((event) => ({ event: event.type, data: event, id: event.id })));
    stream.send('ready', { sessionId: session.id, state: session.state });
  }

  @Post('sessions/:id/messages')
  @ApiOperation({ summary: 'The visitor’s message: the first opens the chat’s ticket, the others join it' })
  @ApiParam(SESSION)
  @ApiHeader(TOKEN_HEADER)
  @ApiCreatedResponse({ type: PostedChatMessageDto })
  @ApiBadRequestResponse({ description: '`text` is missing or too long', type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ description: 'CHAT_TOKEN_INVALID', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHAT_SESSION_NOT_FOUND', type: ErrorResponseDto })
  @ApiGoneResponse({ description: 'CHAT_SESSION_ENDED: start a new session', type: ErrorResponseDto })
  async message(
    @Param('id') id: string,
    @Body() dto: ChatTextDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PostedChatMessageDto> {
    const session = await this.visitorSession(id, request, response);
    await this.limiter.take('chat messages', [{ key: `chat:messages:${session.id}`, max: this.config.chatLimits.messagesPerSessionPerMinute }], 60);
    return this.visitor.message(session, dto.text.trim());
  }

  @Post('sessions/:id/files')
  @ApiOperation({ summary: 'A file from the visitor (the raw bytes as the body, its type as Content-Type, its name in `?name=`; at most 5 MB)' })
  @ApiParam(SESSION)
  @ApiHeader(TOKEN_HEADER)
  @ApiQuery({ name: 'name', required: true, example: 'paragon.pdf' })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: PostedChatMessageDto })
  @ApiBadRequestResponse({ description: 'CHAT_FILE_INVALID: empty or larger than 5 MB', type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ description: 'CHAT_TOKEN_INVALID', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHAT_SESSION_NOT_FOUND', type: ErrorResponseDto })
  async file(
    @Param('id') id: string,
    @Query('name') name: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PostedChatMessageDto> {
    const session = await this.visitorSession(id, request, response);
    await this.limiter.take('chat messages', [{ key: `chat:messages:${session.id}`, max: this.config.chatLimits.messagesPerSessionPerMinute }], 60);
    const content = await readRawBody(request, CHAT_FILE_LIMIT_BYTES);
    if (!content) throw new ChatException(ChatErrorCode.FileInvalid, `The file must be at most ${CHAT_FILE_LIMIT_BYTES / 1024 / 1024} MB`, 'file');
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim();
    return this.visitor.file(session, typeof name === 'string' ? name : 'plik', type, content);
  }

  @Get('sessions/:id/files/:eventId')
  @ApiOperation({ summary: 'Download the file of a message of the chat (the visitor’s or an agent’s); always as a download' })
  @ApiParam(SESSION)
  @ApiParam({ name: 'eventId', description: 'The message’s event id (as the stream numbered it)' })
  @ApiHeader(TOKEN_HEADER)
  @ApiQuery({ name: 'token', required: false })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'The file', schema: { type: 'string', format: 'binary' } })
  @ApiUnauthorizedResponse({ description: 'CHAT_TOKEN_INVALID', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHAT_SESSION_NOT_FOUND; CHAT_FILE_NOT_FOUND: no file on that message of this chat', type: ErrorResponseDto })
  async download(
    @Param('id') id: string,
    @Param('eventId') eventId: string,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const file = await this.visitor.attachment(await this.visitorSession(id, request, response), eventId);
    // Never sniffed, never shown in the page: a download.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    response.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.content, {
      type: 'application/octet-stream',
      disposition: `attachment; filename="${file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      length: file.content.length,
    });
  }

  @Post('sessions/:id/typing')
  @HttpCode(204)
  @ApiOperation({ summary: 'The visitor is typing (or stopped): shown to the agent' })
  @ApiParam(SESSION)
  @ApiHeader(TOKEN_HEADER)
  @ApiNoContentResponse({ description: 'Told' })
  @ApiUnauthorizedResponse({ description: 'CHAT_TOKEN_INVALID', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHAT_SESSION_NOT_FOUND', type: ErrorResponseDto })
  async typing(@Param('id') id: string, @Body() dto: ChatTypingDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    const session = await this.visitorSession(id, request, response);
    await this.limiter.take('typing signals', [{ key: `chat:typing:${session.id}`, max: TYPING_PER_MINUTE }], 60);
    await this.visitor.typing(session, dto.typing);
  }

  @Post('sessions/:id/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'The visitor ends the chat: the agents are told, and the transcript goes by mail to the address the visitor left (once)' })
  @ApiParam(SESSION)
  @ApiHeader(TOKEN_HEADER)
  @ApiOkResponse({ type: EndedChatDto })
  @ApiUnauthorizedResponse({ description: 'CHAT_TOKEN_INVALID', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHAT_SESSION_NOT_FOUND', type: ErrorResponseDto })
  async end(@Param('id') id: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<EndedChatDto> {
    return this.visitor.end(await this.visitorSession(id, request, response));
  }

  /** The visitor's session the request's token opens, after the CORS headers and the per-address limit. */
  private async visitorSession(id: string, request: Request, response: Response): Promise<ChatSessionRow> {
    chatCors(request, response);
    await this.byAddress(request);
    return this.sessions.visitorSession(id, chatToken(request));
  }

  private byAddress(request: Request, extra?: { key: string; max: number }): Promise<void> {
    const limits = [{ key: `chat:ip:${clientAddress(request)}`, max: this.config.chatLimits.requestsPerIpPerMinute }, ...(extra ? [extra] : [])];
    return this.limiter.take('chat requests', limits, 60);
  }
}
