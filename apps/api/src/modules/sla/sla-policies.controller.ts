import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { CreateSlaPolicyDto } from './dtos/create-sla-policy.dto.js';
import { MatchSlaPolicyDto } from './dtos/match-sla-policy.dto.js';
import { ReorderSlaPoliciesDto } from './dtos/reorder-sla-policies.dto.js';
import { SlaMatchResultDto } from './dtos/sla-match-result.dto.js';
import { SlaPolicyDto, SlaPolicyListDto } from './dtos/sla-policy.dto.js';
import { UpdateSlaPolicyDto } from './dtos/update-sla-policy.dto.js';
import { SlaPoliciesService } from './sla-policies.service.js';

const INVALID = 'Invalid input; a policy that cannot work is SLA_POLICY_INVALID, details.fields naming each place (firstResponse.minutes)';

/** SLA policies: everybody reads them and checks which one applies, admins write them. */
@ApiTags('sla-policies')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: INVALID, type: ErrorResponseDto })
@Controller('sla-policies')
export class SlaPoliciesController {
  constructor(private readonly policies: SlaPoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'List SLA policies in the order they are tried' })
  @ApiOkResponse({ type: SlaPolicyListDto })
  async list(): Promise<SlaPolicyListDto> {
    const items = (await this.policies.list()).map(SlaPolicyDto.from);
    return { items, total: items.length };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an SLA policy: conditions, first response, next response and resolution targets, calendar, pauses, warning' })
  @ApiCreatedResponse({ type: SlaPolicyDto })
  @ApiConflictResponse({ description: 'SLA_POLICY_NAME_TAKEN', type: ErrorResponseDto })
  async create(@Body() dto: CreateSlaPolicyDto): Promise<SlaPolicyDto> {
    return SlaPolicyDto.from(await this.policies.create(dto));
  }

  @Put('order')
  @Roles('admin')
  @ApiOperation({ summary: 'Set the order in which SLA policies are tried (every policy, listed once)' })
  @ApiOkResponse({ type: SlaPolicyListDto })
  async reorder(@Body() dto: ReorderSlaPoliciesDto): Promise<SlaPolicyListDto> {
    const items = (await this.policies.reorder(dto.ids)).map(SlaPolicyDto.from);
    return { items, total: items.length };
  }

  @Post('match')
  @HttpCode(200)
  @ApiOperation({ summary: 'Which SLA policy applies to a ticket (stored or described) and its deadlines from a start; nothing is changed' })
  @ApiOkResponse({ type: SlaMatchResultDto })
  @ApiNotFoundResponse({ description: 'TICKET_NOT_FOUND', type: ErrorResponseDto })
  match(@Body() dto: MatchSlaPolicyDto): Promise<SlaMatchResultDto> {
    return this.policies.match(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an SLA policy' })
  @ApiOkResponse({ type: SlaPolicyDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string): Promise<SlaPolicyDto> {
    return SlaPolicyDto.from(await this.policies.get(id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change an SLA policy; `{enabled: false}` switches it off' })
  @ApiOkResponse({ type: SlaPolicyDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'SLA_POLICY_NAME_TAKEN', type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateSlaPolicyDto): Promise<SlaPolicyDto> {
    return SlaPolicyDto.from(await this.policies.update(id, dto));
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an SLA policy' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async delete(@UuidParam() id: string): Promise<void> {
    await this.policies.delete(id);
  }
}
