import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { CreateQueueDto } from './dtos/create-queue.dto.js';
import { QueueNameListDto } from './dtos/queue-name.dto.js';
import { QueueDto, QueueListDto } from './dtos/queue.dto.js';
import { ReplaceQueueMembersDto } from './dtos/replace-queue-members.dto.js';
import { UpdateQueueDto } from './dtos/update-queue.dto.js';
import { QueuesService } from './queues.service.js';

@ApiTags('queues')
@ApiBearerAuth()
@Controller('queues')
export class QueuesController {
  constructor(private readonly queues: QueuesService) {}

  @Get()
  @ApiOperation({ summary: 'List queues with members and ticket counts per status (an agent: the queues they are a member or lead of)' })
  @ApiOkResponse({ type: QueueListDto })
  async list(@CurrentActor() actor: Actor): Promise<QueueListDto> {
    const items = (await this.queues.list(actor)).map(QueueDto.from);
    return { items, total: items.length };
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a queue (team) with its assignment strategy, lead and cap' })
  @ApiCreatedResponse({ type: QueueDto })
  @ApiConflictResponse({ description: 'The name or slug is taken', type: ErrorResponseDto })
  async create(@Body() dto: CreateQueueDto): Promise<QueueDto> {
    return QueueDto.from(await this.queues.create(dto));
  }

  @Get('names')
  @ApiOperation({ summary: "Every queue's id and name, for any signed-in user (to name the queue of a ticket they can see)" })
  @ApiOkResponse({ type: QueueNameListDto })
  async names(): Promise<QueueNameListDto> {
    const items = (await this.queues.names()).map((queue) => ({ id: queue.id, name: queue.name }));
    return { items, total: items.length };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a queue with members and ticket counts per status' })
  @ApiOkResponse({ type: QueueDto })
  @ApiNotFoundResponse({ description: 'No such queue, or an agent who does not work in it', type: ErrorResponseDto })
  async get(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<QueueDto> {
    return QueueDto.from(await this.queues.get(id, actor));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a queue: name, slug, description, default, assignment strategy, lead, cap' })
  @ApiOkResponse({ type: QueueDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The name or slug is taken, or the default queue would stop being the default', type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateQueueDto): Promise<QueueDto> {
    return QueueDto.from(await this.queues.update(id, dto));
  }

  @Put(':id/members')
  @Roles('admin')
  @ApiOperation({ summary: "Set the queue's members (the whole list)" })
  @ApiOkResponse({ type: QueueDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async replaceMembers(@UuidParam() id: string, @Body() dto: ReplaceQueueMembersDto): Promise<QueueDto> {
    return QueueDto.from(await this.queues.replaceMembers(id, dto.userIds));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Delete a queue; its tickets move to the default queue (recorded on each)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'The default queue cannot be deleted', type: ErrorResponseDto })
  async delete(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.queues.delete(id, actor);
  }
}
