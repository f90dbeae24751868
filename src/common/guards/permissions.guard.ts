import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthUser } from 'src/common/auth/auth-user';
import { IS_PUBLIC_KEY, REQUIRED_PERMISSIONS_KEY } from 'src/common/auth/auth.decorators';
import { hasPermission, Permission } from 'src/common/auth/permissions';
import { AppException, CommonErrorCode } from 'src/common/exceptions/app.exception';
import { HttpStatus } from '@nestjs/common';

/**
 * Deny by default: an authenticated route without `@RequirePermission(...)` is refused, so a forgotten
 * decorator fails closed rather than open.
 */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;
    const required = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_PERMISSIONS_KEY, targets);
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!required || required.length === 0 || !user) throw forbidden();
    if (!required.every((permission) => hasPermission(user.role, permission))) throw forbidden();
    return true;
  }
}

function forbidden(): AppException {
  return new AppException(CommonErrorCode.Forbidden, HttpStatus.FORBIDDEN, 'You do not have permission to perform this action');
}
