import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { NotificationSettingsDto } from './dtos/notification-settings.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input (`details.fields` names each field); NOTIFICATIONS_NEED_USER for API tokens', type: ErrorResponseDto })
@Controller('me/notification-settings')
export class NotificationSettingsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Which of my notifications also come by e-mail (defaults: mention, assigned, sla_warning on)' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  get(@CurrentActor() actor: Actor): Promise<NotificationSettingsDto> {
    return this.notifications.settings(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Change which of my notifications also come by e-mail (kinds left out keep their value)' })
  @ApiOkResponse({ type: NotificationSettingsDto })
  save(@Body() dto: NotificationSettingsDto, @CurrentActor() actor: Actor): Promise<NotificationSettingsDto> {
    return this.notifications.saveSettings(actor, dto);
  }
}
