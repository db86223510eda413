import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '../../core/auth/actor.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import { API_TOKEN_PREFIX } from '../api-tokens/api-token-secret.js';
import { ApiTokensService } from '../api-tokens/api-tokens.service.js';
import type { UserEntity } from '../users/entities/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { AuthException, AuthErrorCode } from './auth.exception.js';
import { LoginThrottleService } from './login-throttle.service.js';

interface AccessTokenClaims {
  sub: string;
  role: string;
  /** The user's token generation when the token was issued (see UserEntity.tokenGeneration). */
  gen?: number;
  /** Issued at, in seconds (set by the signer). */
  iat?: number;
  /** Expires at, in seconds (set by the signer); a token without it is refused. */
  exp?: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly apiTokens: ApiTokensService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks e-mail and password and issues an access token. The attempt is
   * counted by the throttle before the password is checked, so concurrent
   * guesses cannot overrun the limit.
   */
  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; user: UserEntity }> {
    await this.throttle.takeAttempt(email, ip);
    const user = await this.users.verifyCredentials(email, password);
    if (!user) throw new AuthException(AuthErrorCode.BadCredentials, 'Wrong e-mail or password');
    await this.throttle.recordSuccess(email, ip);
    const claims: AccessTokenClaims = { sub: user.id, role: user.role, gen: user.tokenGeneration };
    return { accessToken: await this.jwt.signAsync(claims), user };
  }

  /** The caller behind a bearer credential (access token or API token), or null. */
  async authenticate(credential: string): Promise<Actor | null> {
    if (credential.startsWith(API_TOKEN_PREFIX)) return this.apiTokens.authenticate(credential);
    const claims = await this.verify(credential);
    // Every token we issue expires; one without `exp` was not made by us and would work forever.
    if (!claims || typeof claims.exp !== 'number' || typeof claims.sub !== 'string') return null;
    // The user is read on every request, so deactivation and role changes apply at once.
    const user = await this.users.get(claims.sub).catch(() => null);
    if (!user?.active || !this.stillValid(claims, user)) return null;
    return { type: 'user', id: user.id, name: user.name, role: user.role, userId: user.id };
  }

  /** The claims of a token signed with the current secret or, during a rotation, the previous one. */
  private async verify(credential: string): Promise<AccessTokenClaims | null> {
    try {
      return await this.jwt.verifyAsync<AccessTokenClaims>(credential);
    } catch {
      if (!this.config.jwtSecretPrevious) return null;
      return this.jwt.verifyAsync<AccessTokenClaims>(credential, { secret: this.config.jwtSecretPrevious }).catch(() => null);
    }
  }

  /**
   * Whether a password change since the token was issued revoked it. Tokens
   * carry the user's token generation, which every password change raises;
   * a token without one (issued before generations existed) counts as issued
   * before any recorded change within its second.
   */
  private stillValid(claims: AccessTokenClaims, user: UserEntity): boolean {
    if (claims.gen !== undefined) return claims.gen === user.tokenGeneration;
    if (!user.tokensValidAfter) return true;
    return (claims.iat ?? 0) * 1000 > user.tokensValidAfter.getTime();
  }
}
