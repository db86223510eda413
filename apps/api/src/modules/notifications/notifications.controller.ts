import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { PageQueryDto } from '../../core/http/page-query.dto.js';
import { MarkReadResultDto } from './dtos/mark-read-result.dto.js';
import { MarkReadDto } from './dtos/mark-read.dto.js';
import { NotificationListDto } from './dtos/notification-list.dto.js';
import { NotificationDto } from './dtos/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input (`details.fields` names each field); NOTIFICATIONS_NEED_USER for API tokens', type: ErrorResponseDto })
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({
    summary: "The caller's notifications: unread first, newest first",
    description: 'Mentions, assignments, customer replies and SLA warnings on the tickets one has or watches, snoozes that ended. ' +
      'New ones also arrive on the live stream (GET /live, event `notification`).',
  })
  @ApiOkResponse({ type: NotificationListDto })
  async list(@Query() query: PageQueryDto, @CurrentActor() actor: Actor): Promise<NotificationListDto> {
    const { items, total, unread } = await this.notifications.list(actor, query.limit, query.offset);
    return { items: items.map(NotificationDto.from), total, unread };
  }

  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark notifications read: `{ids}` or `{all: true}` (400 naming ids and all when neither)' })
  @ApiOkResponse({ type: MarkReadResultDto })
  markRead(@Body() dto: MarkReadDto, @CurrentActor() actor: Actor): Promise<MarkReadResultDto> {
    return this.notifications.markRead(actor, dto);
  }
}
