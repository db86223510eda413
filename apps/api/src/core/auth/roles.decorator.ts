import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../errors/error-response.dto.js';
import type { UserRole } from '../../modules/users/entities/user.entity.js';

export const REQUIRED_ROLES = 'okienko:roles';

/** Restricts a route (or a whole controller) to the given roles. */
export function Roles(...roles: UserRole[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}`, type: ErrorResponseDto }),
  );
}
