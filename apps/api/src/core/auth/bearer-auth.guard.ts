import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AuthException, AuthErrorCode } from '../../modules/auth/auth.exception.js';
import { IS_PUBLIC } from './public.decorator.js';

/** Every route needs a valid bearer credential unless it is marked @Public(). */
@Injectable()
export class BearerAuthGuard extends AuthGuard('bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, user: T | false, _info: unknown, context: ExecutionContext): T {
    if (error) throw error;
    if (!user) {
      const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization;
      throw header
        ? new AuthException(AuthErrorCode.InvalidToken, 'The access token is invalid or has expired')
        : new AuthException(AuthErrorCode.MissingToken, 'Sign in first: send "Authorization: Bearer <token>"');
    }
    return user;
  }
}
