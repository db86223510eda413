import { Body, Controller, Get, HttpCode, Inject, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Actor } from '../../core/auth/actor.js';
import { CurrentActor } from '../../core/auth/current-actor.decorator.js';
import { Public } from '../../core/auth/public.decorator.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { ErrorResponseDto } from '../../core/errors/error-response.dto.js';
import { UserDto } from '../users/dtos/user.dto.js';
import { UsersService } from '../users/users.service.js';
import { AuthService } from './auth.service.js';
import { LoginResponseDto } from './dtos/login-response.dto.js';
import { LoginDto } from './dtos/login.dto.js';
import { MeDto } from './dtos/me.dto.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password; answers an access token (JWT)' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'Wrong e-mail or password, or the account is inactive', type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts; see Retry-After', type: ErrorResponseDto })
  async login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponseDto> {
    const { accessToken, user } = await this.auth.login(dto.email, dto.password, ip);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.jwtTtlSeconds, user: UserDto.from(user) };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who am I: the signed-in user or the API token' })
  @ApiOkResponse({ type: MeDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  async me(@CurrentActor() actor: Actor): Promise<MeDto> {
    if (actor.type === 'api_token') {
      return { type: 'api_token', id: actor.id, name: actor.name, role: actor.role, email: null, locale: 'pl' };
    }
    const user = await this.users.get(actor.id);
    return { type: 'user', id: user.id, name: user.name, role: user.role, email: user.email, locale: user.locale };
  }
}
