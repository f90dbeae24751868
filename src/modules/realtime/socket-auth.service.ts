import { HttpStatus, Injectable } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { isObservable, lastValueFrom } from 'rxjs';
import { AuthUser } from 'src/common/auth/auth-user';
import { AppException, CommonErrorCode } from 'src/common/exceptions/app.exception';
import { JwtAuthGuard } from 'src/common/guards/jwt-auth.guard';

/** What the HTTP guard reads from a request: only the bearer header. */
interface GuardedRequest {
  headers: { authorization?: string };
  user?: AuthUser;
}

/**
 * Checks a socket's access token with the API's own JwtAuthGuard (the passport `jwt` strategy), so signature,
 * issuer, expiry, revocation (logout, logout-all, password change), user and organization state are checked
 * exactly as on /api/v1. Throws the guard's AppException when the token is refused.
 */
@Injectable()
export class SocketAuthService {
  constructor(private readonly jwtGuard: JwtAuthGuard) {}

  async authenticate(token: unknown): Promise<AuthUser> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
      throw new AppException(CommonErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, 'Missing or invalid access token');
    }
    const request: GuardedRequest = { headers: { authorization: `Bearer ${token.replace(/^Bearer\s+/i, '')}` } };
    // The guard reads @Public metadata from the handler and class; these carry none.
    const context = new ExecutionContextHost([request, undefined], SocketAuthService, this.authenticate);
    const allowed = this.jwtGuard.canActivate(context);
    await (isObservable(allowed) ? lastValueFrom(allowed) : allowed);
    if (!request.user) throw new AppException(CommonErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, 'Missing or invalid access token');
    return request.user;
  }
}
