import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor } from '../../core/auth/actor.js';
import { API_TOKEN_PREFIX } from '../api-tokens/api-token-secret.js';
import { ApiTokensService } from '../api-tokens/api-tokens.service.js';
import type { UserEntity } from '../users/entities/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { AuthException, AuthErrorCode } from './auth.exception.js';
import { LoginThrottleService } from './login-throttle.service.js';

interface AccessTokenClaims {
  sub: string;
  role: string;
  /** Issued at, in seconds (set by the signer). */
  iat?: number;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly apiTokens: ApiTokensService,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
  ) {}

  /** Checks e-mail and password and issues an access token. */
  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; user: UserEntity }> {
    await this.throttle.assertAllowed(email, ip);
    const user = await this.users.verifyCredentials(email, password);
    if (!user) {
      await this.throttle.recordFailure(email, ip);
      throw new AuthException(AuthErrorCode.BadCredentials, 'Wrong e-mail or password');
    }
    await this.throttle.recordSuccess(email);
    const claims: AccessTokenClaims = { sub: user.id, role: user.role };
    return { accessToken: await this.jwt.signAsync(claims), user };
  }

  /** The caller behind a bearer credential (access token or API token), or null. */
  async authenticate(credential: string): Promise<Actor | null> {
    if (credential.startsWith(API_TOKEN_PREFIX)) return this.apiTokens.authenticate(credential);
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(credential);
    } catch {
      return null;
    }
    // The user is read on every request, so deactivation and role changes apply at once.
    const user = await this.users.get(claims.sub).catch(() => null);
    if (!user?.active) return null;
    if (user.tokensValidAfter && (claims.iat ?? 0) < Math.floor(user.tokensValidAfter.getTime() / 1000)) return null;
    return { type: 'user', id: user.id, name: user.name, role: user.role, userId: user.id };
  }
}
