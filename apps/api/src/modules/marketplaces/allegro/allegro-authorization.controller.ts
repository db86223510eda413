import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../core/auth/roles.decorator.js';
import { ErrorResponseDto } from '../../../core/errors/error-response.dto.js';
import { UuidParam } from '../../../core/http/uuid-param.js';
import { AllegroAuthorizationService } from './allegro-authorization.service.js';
import { AllegroAuthorizationDto } from './dtos/allegro-authorization.dto.js';

@ApiTags('channels')
@ApiBearerAuth()
@Roles('admin')
@Controller('channels')
export class AllegroAuthorizationController {
  constructor(private readonly authorization: AllegroAuthorizationService) {}

  @Post(':id/authorize')
  @HttpCode(200)
  @ApiOperation({
    summary: "Authorise an Allegro channel with Allegro's device flow: the admin enters userCode at verificationUri; GET /channels/{id} then answers status authorizing, connected or error",
  })
  @ApiOkResponse({ type: AllegroAuthorizationDto })
  @ApiBadRequestResponse({ description: 'Allegro refused the application (details.fields names settings.clientId)', type: ErrorResponseDto })
  @ApiNotFoundResponse({ description: 'CHANNEL_NOT_FOUND: no Allegro channel has the id', type: ErrorResponseDto })
  authorize(@UuidParam() id: string): Promise<AllegroAuthorizationDto> {
    return this.authorization.authorize(id);
  }
}
