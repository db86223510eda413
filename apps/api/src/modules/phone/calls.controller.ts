import { Body, Controller, Get, HttpCode, Inject, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation,
  ApiQuery, ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { CallsService } from './calls.service.js';
import { Roles } from '../../core/auth/roles.decorator.js';
import { readRawBody } from '../../core/http/read-raw-body.js';
import { CallDto, CallListDto } from './dtos/call.dto.js';
import { CallReportDto, CallReportQueryDto } from './dtos/call-report.dto.js';
import { CallQueryDto } from './dtos/call-query.dto.js';
import { ConfirmCustomerDto } from './dtos/confirm-customer.dto.js';
import { LogCallDto } from './dtos/log-call.dto.js';

/** The call log: calls the PBX reported and calls agents logged by hand. */
@ApiTags('phone')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input; `details.fields` names each field', type: ErrorResponseDto })
@Controller('calls')
export class CallsController {
  private readonly maxBytes: number;

  constructor(
    private readonly calls: CallsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxBytes = config.callRecordingMaxBytes;
  }

  @Get()
  @ApiOperation({ summary: 'Calls, newest first: filter by state (ringing, answered, missed, ended), direction, customer, channel' })
  @ApiOkResponse({ type: CallListDto })
  list(@Query() query: CallQueryDto): Promise<CallListDto> {
    return this.calls.list(query);
  }

  @Get('report')
  @Roles('admin')
  @ApiOperation({ summary: 'Calls per queue and per agent: answered, missed, outbound and call-backs (admins)' })
  @ApiOkResponse({ type: CallReportDto })
  @ApiForbiddenResponse({ description: 'Admins only', type: ErrorResponseDto })
  async report(@Query() query: CallReportQueryDto): Promise<CallReportDto> {
    const to = query.to ? new Date(query.to) : new Date();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 24 * 3600 * 1000);
    return { from: from.toISOString(), to: to.toISOString(), ...(await this.calls.report(from, to)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One call with its caller card' })
  @ApiOkResponse({ type: CallDto })
  @ApiNotFoundResponse({ description: 'CALL_NOT_FOUND', type: ErrorResponseDto })
  get(@UuidParam() id: string): Promise<CallDto> {
    return this.calls.get(id);
  }

  @Post()
  @ApiOperation({ summary: 'Log a call by hand: a phone message with the note on the given ticket, else on a new phone ticket of the customer' })
  @ApiCreatedResponse({ type: CallDto })
  @ApiNotFoundResponse({ description: 'The ticket or customer does not exist (or the caller may not see the ticket)', type: ErrorResponseDto })
  log(@Body() dto: LogCallDto, @CurrentActor() actor: Actor): Promise<CallDto> {
    return this.calls.log(dto, actor);
  }

  @Post(':id/recording')
  @ApiOperation({ summary: 'Upload the call’s recording (the raw file as the body, its type as Content-Type, `?name=`): filed on the call’s ticket' })
  @ApiQuery({ name: 'name', required: false, example: 'rozmowa.mp3' })
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: CallDto })
  @ApiNotFoundResponse({ description: 'CALL_NOT_FOUND', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'CALL_WITHOUT_TICKET: the call is on no ticket', type: ErrorResponseDto })
  async recording(@UuidParam() id: string, @Query('name') name: unknown, @Req() request: Request): Promise<CallDto> {
    const content = await readRawBody(request, this.maxBytes);
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim();
    return this.calls.uploadRecording(id, typeof name === 'string' && name ? name : 'nagranie', type, content);
  }

  @Post(':id/confirm-customer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirm who a caller is (a possible match): the call’s number becomes the customer’s phone identity' })
  @ApiOkResponse({ type: CallDto })
  @ApiNotFoundResponse({ description: 'CALL_NOT_FOUND or CUSTOMER_NOT_FOUND', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'CALL_NUMBER_TAKEN: another customer has the number (merge them); CALL_WITHOUT_NUMBER: an anonymous call', type: ErrorResponseDto })
  confirm(@UuidParam() id: string, @Body() dto: ConfirmCustomerDto): Promise<CallDto> {
    return this.calls.confirmCustomer(id, dto.customerId);
  }
}
