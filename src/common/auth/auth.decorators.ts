import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from 'src/common/swagger/error-response.dto';
import { AuthUser } from './auth-user';
import { Permission } from './permissions';

export const IS_PUBLIC_KEY = 'robbot:public';
export const REQUIRED_PERMISSIONS_KEY = 'robbot:permissions';

/** Marks a route reachable without a token. Every use needs a reason in review. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * Requires every listed permission. Also documents bearer auth and the 401/403 answers,
 * so a guarded route cannot forget them in Swagger.
 */
export function RequirePermission(...permissions: Permission[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSIONS_KEY, permissions),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, expired, revoked or invalid access token', type: ErrorResponseDto }),
    ApiForbiddenResponse({
      description: 'The role lacks the permission, or the organization is suspended',
      type: ErrorResponseDto,
    }),
  );
}

/** The authenticated caller. Only valid on routes that are not `@Public()`. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  const request = ctx.switchToHttp().getRequest<{ user?: AuthUser }>();
  if (!request.user) throw new Error('CurrentUser used on a route without authentication');
  return request.user;
});
