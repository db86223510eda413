import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { toEngineRule } from './enabled-rules.cache.js';
import { CreateRuleDto } from './dtos/create-rule.dto.js';
import { DryRunDraftDto, DryRunDto } from './dtos/dry-run.dto.js';
import { DryRunResultDto } from './dtos/dry-run-result.dto.js';
import { ReorderRulesDto } from './dtos/reorder-rules.dto.js';
import { RuleQueryDto } from './dtos/rule-query.dto.js';
import { RuleDto, RuleListDto } from './dtos/rule.dto.js';
import { UpdateRuleDto } from './dtos/update-rule.dto.js';
import { RulesDryRunService } from './rules-dry-run.service.js';
import { RulesService } from './rules.service.js';

@ApiTags('rules')
@ApiBearerAuth()
@Roles('admin')
@Controller('rules')
export class RulesController {
  constructor(
    private readonly rules: RulesService,
    private readonly dryRuns: RulesDryRunService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List rules by trigger, in the order they run' })
  @ApiOkResponse({ type: RuleListDto })
  async list(@Query() query: RuleQueryDto): Promise<RuleListDto> {
    const items = (await this.rules.list(query)).map(RuleDto.from);
    return { items, total: items.length };
  }

  @Post()
  @ApiOperation({ summary: 'Create a rule (disabled unless `enabled` is set): dry-run it, then switch it on' })
  @ApiCreatedResponse({ type: RuleDto })
  @ApiBadRequestResponse({ description: 'RULE_INVALID: details.fields names the condition or action', type: ErrorResponseDto })
  async create(@Body() dto: CreateRuleDto): Promise<RuleDto> {
    return RuleDto.from(await this.rules.create(dto));
  }

  @Put('order')
  @ApiOperation({ summary: 'Set the order of every rule of one trigger' })
  @ApiOkResponse({ type: RuleListDto })
  @ApiBadRequestResponse({ description: 'RULE_ORDER_INVALID', type: ErrorResponseDto })
  async reorder(@Body() dto: ReorderRulesDto): Promise<RuleListDto> {
    const items = (await this.rules.reorder(dto.ids)).map(RuleDto.from);
    return { items, total: items.length };
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiOperation({ summary: 'Try a rule that is not saved yet on a sample message or the newest tickets; nothing is changed' })
  @ApiOkResponse({ type: DryRunResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async dryRunDraft(@Body() dto: DryRunDraftDto): Promise<DryRunResultDto> {
    return this.dryRuns.run(await this.rules.checked(dto.rule), dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a rule' })
  @ApiOkResponse({ type: RuleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string): Promise<RuleDto> {
    return RuleDto.from(await this.rules.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a rule; `{enabled: true|false}` switches it on or off' })
  @ApiOkResponse({ type: RuleDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateRuleDto): Promise<RuleDto> {
    return RuleDto.from(await this.rules.update(id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a rule' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async delete(@UuidParam() id: string): Promise<void> {
    await this.rules.delete(id);
  }

  @Post(':id/dry-run')
  @HttpCode(200)
  @ApiOperation({ summary: 'What the rule would change on a sample message or on each of the newest tickets; nothing is changed' })
  @ApiOkResponse({ type: DryRunResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async dryRun(@UuidParam() id: string, @Body() dto: DryRunDto): Promise<DryRunResultDto> {
    return this.dryRuns.run(toEngineRule(await this.rules.get(id)), dto);
  }
}
