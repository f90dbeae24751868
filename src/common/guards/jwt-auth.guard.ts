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

  // Passport reports a bad token as (null, false, info) and anything the strategy threw as (err, …).
  override handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error instanceof AppException) throw error;
    // The strategy throws only AppExceptions itself; anything else is Redis or PostgreSQL failing, which must
    // not look like a bad token to the client (it would drop a valid session).
    if (error) {
      throw new AppException(CommonErrorCode.ServiceUnavailable, HttpStatus.SERVICE_UNAVAILABLE, 'Authentication is temporarily unavailable');
    }
    if (!user) {
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
