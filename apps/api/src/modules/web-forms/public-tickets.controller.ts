import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import {
  ApiBadRequestResponse, ApiBody, ApiConsumes, ApiCreatedResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../core/auth/public.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { PublicMessageCreatedDto, PublicTicketDto } from './dtos/public-ticket.dto.js';
import { StatusLinksService } from './status-links.service.js';
import { StatusMessagesService } from './status-messages.service.js';
import { clientIp, PUBLIC_UPLOAD_LIMITS, uploadedFiles, type MulterFile } from './uploaded-files.js';
import { WebFormsErrorCode, WebFormsException } from './web-forms.exception.js';

const TOKEN = { name: 'token', description: 'The token of the status link (`PUBLIC_URL/s/<token>`)' };
const GONE = 'STATUS_LINK_GONE: the link was revoked, or the ticket was closed longer ago than STATUS_LINK_DAYS_AFTER_CLOSE days';

/** The JSON twins of the customer's status page (no sign-in: the token in the link is the key). */
@ApiTags('public')
@Public()
@Controller('api/public/tickets')
export class PublicTicketsController {
  constructor(
    private readonly links: StatusLinksService,
    private readonly messages: StatusMessagesService,
  ) {}

  @Get(':token')
  @ApiOperation({ summary: "The customer's view of a ticket: number, status, expected response and the conversation (never internal notes)" })
  @ApiParam(TOKEN)
  @ApiOkResponse({ type: PublicTicketDto })
  @ApiNotFoundResponse({ description: 'STATUS_LINK_NOT_FOUND', type: ErrorResponseDto })
  @ApiGoneResponse({ description: GONE, type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED', type: ErrorResponseDto })
  async get(@Param('token') token: string, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<PublicTicketDto> {
    await this.messages.countRequest(clientIp(request), 'read');
    response.setHeader('Cache-Control', 'no-store');
    return PublicTicketDto.from(await this.links.view(await this.links.open(token)));
  }

  @Post(':token/messages')
  @HttpCode(201)
  @UseInterceptors(AnyFilesInterceptor({ limits: PUBLIC_UPLOAD_LIMITS }))
  @ApiOperation({ summary: "The customer adds a message (and files) to their ticket: a customer message on the ticket's web channel" })
  @ApiParam(TOKEN)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        text: { type: 'string', maxLength: 20000 },
        files: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'multipart: parts named `files`; JSON: [{field: "files", filename, content (base64)}]' },
      },
    },
  })
  @ApiCreatedResponse({ type: PublicMessageCreatedDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: text empty or too long, files refused', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'STATUS_LINK_NOT_FOUND', type: ErrorResponseDto })
  @ApiGoneResponse({ description: GONE, type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED', type: ErrorResponseDto })
  async add(
    @Param('token') token: string,
    @Body() body: Record<string, unknown> | undefined,
    @UploadedFiles() files: MulterFile[] | undefined,
    @Req() request: Request,
  ): Promise<PublicMessageCreatedDto> {
    await this.messages.countRequest(clientIp(request), 'write');
    const fields = body && typeof body === 'object' ? body : {};
    const opened = await this.links.open(token);
    return this.messages.add(opened, fields.text, uploadedFiles(files, fields));
  }

  @Get(':token/attachments/:attachmentId')
  @ApiOperation({ summary: 'A file of a message the status page shows' })
  @ApiParam(TOKEN)
  @ApiOkResponse({ description: 'The file' })
  @ApiNotFoundResponse({ description: 'STATUS_LINK_NOT_FOUND, ATTACHMENT_NOT_FOUND', type: ErrorResponseDto })
  @ApiGoneResponse({ description: GONE, type: ErrorResponseDto })
  async attachment(@Param('token') token: string, @Param('attachmentId') id: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.messages.countRequest(clientIp(request), 'read');
    const file = await this.links.attachment(await this.links.open(token), id);
    if (!file) throw new WebFormsException(WebFormsErrorCode.StatusLinkNotFound, 'The status page shows no such file');
    const image = /^image\/(jpeg|png|gif|webp)$/.test(file.contentType);
    response
      .status(200)
      .set({
        'Content-Type': image ? file.contentType : 'application/octet-stream',
        'Content-Disposition': `${image ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cross-Origin-Resource-Policy': 'same-origin',
      })
      .send(file.content);
  }
}
