import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UsersService } from '../users/users.service.js';
import { SignatureDto } from './dtos/signature.dto.js';
import { DraftsException, DraftsErrorCode } from './drafts.exception.js';

/** The signed-in agent's reply signature, which they edit themselves (admins also through PATCH /users/{id}). */
@ApiTags('users')
@ApiBearerAuth()
@ApiBadRequestResponse({ description: 'Invalid input; `details.fields` names each field. API tokens have no signature.', type: ErrorResponseDto })
@Controller('profile/signature')
export class SignatureController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: "The signed-in agent's reply signature" })
  @ApiOkResponse({ type: SignatureDto })
  async get(@CurrentActor() actor: Actor): Promise<SignatureDto> {
    const user = await this.users.get(userOf(actor));
    return { signature: user.signature ?? null };
  }

  @Put()
  @ApiOperation({ summary: "Change the signed-in agent's reply signature (null or empty: the queue's is used)" })
  @ApiOkResponse({ type: SignatureDto })
  async put(@Body() dto: SignatureDto, @CurrentActor() actor: Actor): Promise<SignatureDto> {
    const signature = dto.signature?.trim() ? dto.signature : null;
    const user = await this.users.update(userOf(actor), { signature }, actor);
    return { signature: user.signature ?? null };
  }
}

function userOf(actor: Actor): string {
  if (actor.type !== 'user' || !actor.userId) throw new DraftsException(DraftsErrorCode.NeedsUser, 'A signature belongs to a signed-in agent, not to an API token');
  return actor.userId;
}
