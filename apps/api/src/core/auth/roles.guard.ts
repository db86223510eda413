import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthException, AuthErrorCode } from '../../modules/auth/auth.exception.js';
import type { UserRole } from '../../modules/users/entities/user.entity.js';
import type { Actor } from './actor.js';
import { REQUIRED_ROLES } from './roles.decorator.js';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, [context.getHandler(), context.getClass()]);
    if (!roles?.length) return true;
    const actor = context.switchToHttp().getRequest<{ user?: Actor }>().user;
    if (actor && roles.includes(actor.role)) return true;
    throw new AuthException(AuthErrorCode.Forbidden, `This needs the ${roles.join(' or ')} role`);
  }
}
