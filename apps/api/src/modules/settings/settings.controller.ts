import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UpdateWorkspaceSettingsDto, WorkspaceSettingsDto } from './dtos/workspace-settings.dto.js';
import { SettingsService } from './settings.service.js';

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: 'How the team works: e.g. whether replying to an unassigned ticket assigns it to the agent' })
  @ApiOkResponse({ type: WorkspaceSettingsDto })
  get(): Promise<WorkspaceSettingsDto> {
    return this.settings.workspace();
  }

  @Patch()
  @Roles('admin')
  @ApiOperation({ summary: 'Change how the team works (admin only)' })
  @ApiOkResponse({ type: WorkspaceSettingsDto })
  @ApiBadRequestResponse({ description: 'A field is not of its type (named in details.fields)', type: ErrorResponseDto })
  update(@Body() dto: UpdateWorkspaceSettingsDto): Promise<WorkspaceSettingsDto> {
    return this.settings.updateWorkspace(dto);
  }
}
