import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBody, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../core/auth/public.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { readFormBody } from '../surveys/read-form-body.js';
import { PublicRateLimiter } from '../public-limits/public-rate-limiter.service.js';
import { CallsService, type CtiAnswer } from './calls.service.js';
import { parseCtiEvent } from './cti-event.js';
import { CtiAnswerDto } from './dtos/call.dto.js';
import { CtiEventDto } from './dtos/cti-event.dto.js';
import { PhoneErrorCode, PhoneException } from './phone.exception.js';

const FORM_LIMIT_BYTES = 16 * 1024;
/** Events one client address may post per minute (a busy hotline sends a few per call). */
const EVENTS_PER_MINUTE = 600;

/**
 * The PBX webhook, compatible with Zammad's generic CTI API: bridges written
 * for Zammad (Asterisk, 3CX, Placetel, sipgate scripts) post `newCall`,
 * `answer` and `hangup` here unchanged, form-encoded or as JSON. The phone
 * channel's key in the path is the credential.
 */
@ApiTags('phone')
@Public()
@Controller('cti')
export class CtiController {
  constructor(
    private readonly calls: CallsService,
    private readonly limiter: PublicRateLimiter,
  ) {}

  @Post(':channelKey')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A call event from the PBX (Zammad generic CTI API): newCall, answer or hangup (no sign-in; the channel key is the secret)',
    description: 'Answers `{}`, or `{"action":"reject","reason":"busy"}` for a new inbound call from a number in the channel’s `settings.blockedNumbers`.',
  })
  @ApiParam({ name: 'channelKey', description: 'The key of a phone channel (`GET /channels`)' })
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({ type: CtiEventDto })
  @ApiOkResponse({ type: CtiAnswerDto })
  @ApiBadRequestResponse({ description: 'An event field is missing or wrong (`details.fields` names it)', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'No active phone channel has this key', type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many events from this address (Retry-After)', type: ErrorResponseDto })
  async event(@Param('channelKey') key: string, @Req() request: Request): Promise<CtiAnswer> {
    await this.limiter.take('call events', [{ key: `cti:ip:${request.ip ?? ''}`, max: EVENTS_PER_MINUTE }], 60);
    const channel = await this.calls.channelByKey(key);
    const form = await readFormBody(request, FORM_LIMIT_BYTES);
    const body = form ?? (request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {});
    const parsed = parseCtiEvent(body);
    if (!parsed.ok) throw new PhoneException(PhoneErrorCode.InvalidEvent, parsed.message, parsed.field);
    return this.calls.handleEvent(channel, parsed.event);
  }
}
