import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { UuidParam } from '../../core/http/uuid-param.js';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { Roles } from '../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { PageQueryDto } from '../../core/http/page-query.dto.js';
import { CreateUserDto } from './dtos/create-user.dto.js';
import { UpdateUserDto } from './dtos/update-user.dto.js';
import { UserListDto } from './dtos/user-list.dto.js';
import { UserDto } from './dtos/user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List agents and admins' })
  @ApiOkResponse({ type: UserListDto })
  async list(@Query() query: PageQueryDto): Promise<UserListDto> {
    const [items, total] = await this.users.list(query.limit, query.offset);
    return { items: items.map(UserDto.from), total };
  }

  @Post()
  @ApiOperation({ summary: 'Create an agent or admin' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'The e-mail is taken', type: ErrorResponseDto })
  async create(@Body() dto: CreateUserDto): Promise<UserDto> {
    return UserDto.from(await this.users.create(dto));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a user' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async get(@UuidParam() id: string): Promise<UserDto> {
    return UserDto.from(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user: name, e-mail, password, role, active, absent (their open tickets go back to the queues or to a substitute), locale' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiBadRequestResponse({ description: 'Invalid input, or `absenceSubstituteId` is not another active, present user', type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'E-mail taken, or the last admin would be lost', type: ErrorResponseDto })
  async update(@UuidParam() id: string, @Body() dto: UpdateUserDto, @CurrentActor() actor: Actor): Promise<UserDto> {
    return UserDto.from(await this.users.update(id, dto, actor));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a user (their messages and audit entries stay)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ description: 'Deleting yourself or the last admin', type: ErrorResponseDto })
  async delete(@UuidParam() id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.users.delete(id, actor);
  }
}
