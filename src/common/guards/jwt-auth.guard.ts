import { ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC_KEY } from 'src/common/auth/auth.decorators';
import { AppException, CommonErrorCode } from 'src/common/exceptions/app.exception';

/** Requires a valid access token on every route that is not `@Public()`. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): ReturnType<ReturnType<typeof AuthGuard>['prototype']['canActivate']> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  // Passport reports failures as (err, false, info); turn them into our error shape.
  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error instanceof AppException) throw error;
    if (error || !user) {
      const expired = info instanceof Error && info.name === 'TokenExpiredError';
      throw new AppException(
        CommonErrorCode.Unauthenticated,
        HttpStatus.UNAUTHORIZED,
        expired ? 'Access token expired' : 'Missing or invalid access token',
      );
    }
    return user;
  }
}
