import { Body, Controller, Get, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiCreatedResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags,
  ApiTooManyRequestsResponse, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../../core/auth/public.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { ApiChannelAttachmentsService } from './api-channel-attachments.service.js';
import { ApiChannelInboundService } from './api-channel-inbound.service.js';
import { ApiChannelSignatureGuard, type SignedRequest } from './api-channel-signature.guard.js';
import { InboundMessageDto, InboundMessageResultDto } from './dtos/inbound-message.dto.js';

/**
 * The API channel's public routes: bridges post their customers' messages,
 * signed with the channel's secret (Standard Webhooks); integrators fetch the
 * attachments of agents' replies through the signed, expiring links the
 * replies carry.
 */
@ApiTags('api-channel')
@Public()
@Controller('channels')
export class ApiChannelInboundController {
  constructor(
    private readonly inbound: ApiChannelInboundService,
    private readonly attachments: ApiChannelAttachmentsService,
  ) {}

  @Post(':key/messages')
  @UseGuards(ApiChannelSignatureGuard)
  @ApiOperation({
    summary: "A customer's message from a bridge (Messenger, WhatsApp, a marketplace, a shop's widget), signed with the channel's secret",
    description:
      'Sign as Standard Webhooks: webhook-id, webhook-timestamp (Unix seconds, within 5 minutes) and webhook-signature `v1,<base64 HMAC-SHA256 of id.timestamp.body>` ' +
      "with the channel's secret (the base64 after whsec_ is the key). The same externalMessageId again answers 200 with the first answer.",
  })
  @ApiHeader({ name: 'webhook-id', required: true })
  @ApiHeader({ name: 'webhook-timestamp', required: true })
  @ApiHeader({ name: 'webhook-signature', required: true })
  @ApiCreatedResponse({ type: InboundMessageResultDto, description: 'Stored: a new ticket, or the open ticket of the thread.' })
  @ApiOkResponse({ type: InboundMessageResultDto, description: 'Stored before (same externalMessageId): the first answer, nothing stored again.' })
  @ApiBadRequestResponse({ description: 'A field is invalid (named in details.fields)', type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ description: 'SIGNATURE_MISSING, SIGNATURE_INVALID, SIGNATURE_EXPIRED', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHANNEL_NOT_FOUND: no active API channel has the key', type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED (Retry-After)', type: ErrorResponseDto })
  async receive(
    @Param('key') _key: string,
    @Req() request: SignedRequest,
    @Body() dto: InboundMessageDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<InboundMessageResultDto> {
    const { created, result } = await this.inbound.receive(request.apiChannel!, dto);
    response.status(created ? 201 : 200);
    return result;
  }

  @Get(':key/attachments/:attachmentId')
  @ApiOperation({ summary: "An attachment of an agent's reply on the API channel, by the signed, expiring link the reply carried" })
  @ApiQuery({ name: 'expires', required: true })
  @ApiQuery({ name: 'signature', required: true })
  @ApiOkResponse({ description: 'The file.' })
  @ApiNotFoundResponse({ description: 'ATTACHMENT_LINK_INVALID: unknown, expired or not signed by us', type: ErrorResponseDto })
  async attachment(
    @Param('key') key: string,
    @UuidParam('attachmentId') attachmentId: string,
    @Query('expires') expires: string | undefined,
    @Query('signature') signature: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.attachments.read(key, attachmentId, typeof expires === 'string' ? expires : undefined, typeof signature === 'string' ? signature : undefined);
    response
      .status(200)
      .setHeader('content-type', file.contentType)
      .setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .setHeader('cache-control', 'private, no-store')
      .end(file.content);
  }
}
