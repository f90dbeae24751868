import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isObservable, lastValueFrom } from 'rxjs';
import { AuthUser } from 'src/common/auth/auth-user';
import { hasPermission, Permission } from 'src/common/auth/permissions';
import { AppException, CommonErrorCode } from 'src/common/exceptions/app.exception';
import { AllExceptionsFilter } from 'src/common/filters/all-exceptions.filter';
import { JwtAuthGuard } from 'src/common/guards/jwt-auth.guard';
import { appConfig } from 'src/config/app.config';
import { BoardSessionResponseDto } from '../dto/board-session-response.dto';
import { BOARD_COOKIE, BOARD_CSP, BOARD_ROUTE } from '../queue-admin.constants';

export interface BoardSession {
  /** The Set-Cookie header value. */
  cookie: string;
  body: BoardSessionResponseDto;
}

// Plain-http local setups; everywhere else the cookie is sent over HTTPS only.
const INSECURE_COOKIE_ENVS = new Set(['development', 'test']);

/** The request the API's JWT guard sees: only the bearer header, taken from the real header or the board cookie. */
interface GuardedRequest {
  headers: { authorization?: string };
  user?: AuthUser;
}

/**
 * Who may open Bull Board: a super admin (queue:manage), proven by an access JWT sent as a bearer header or,
 * for browser navigation, in the HttpOnly board cookie. The token goes through the API's own JwtAuthGuard, so
 * signature, expiry, revocation, user and organization state are checked exactly as on /api/v1.
 */
@Injectable()
export class BoardAccessService {
  // Board routes live outside Nest's router; the global filter is reused so refusals keep our error shape.
  private readonly errors = new AllExceptionsFilter();

  constructor(
    private readonly jwtGuard: JwtAuthGuard,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /** A cookie scoped to the board holding the caller's own access token, living exactly as long as the token. */
  openSession(actor: AuthUser, authorization: string): BoardSession {
    const token = authorization.replace(/^Bearer\s+/i, '');
    const maxAge = Math.max(0, actor.tokenExpiresAt - Math.floor(Date.now() / 1000));
    const secure = INSECURE_COOKIE_ENVS.has(this.app.nodeEnv) ? '' : '; Secure';
    return {
      cookie: `${BOARD_COOKIE}=${token}; Path=${BOARD_ROUTE}; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${secure}`,
      body: { board_url: BOARD_ROUTE, expires_at: new Date(actor.tokenExpiresAt * 1000).toISOString() },
    };
  }

  /** Fastify `onRequest` hook of every board route (page, static files and its JSON API). */
  async authorize(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    void reply.header('content-security-policy', BOARD_CSP);
    try {
      const user = await this.authenticate(request);
      if (!hasPermission(user.role, Permission.QueueManage)) {
        throw new AppException(CommonErrorCode.Forbidden, HttpStatus.FORBIDDEN, 'You do not have permission to perform this action');
      }
      return undefined;
    } catch (error) {
      this.errors.catch(error, new ExecutionContextHost([request, reply]));
      return reply;
    }
  }

  private async authenticate(request: FastifyRequest): Promise<AuthUser> {
    const cookieToken = readCookie(request.headers.cookie, BOARD_COOKIE);
    const guarded: GuardedRequest = {
      headers: { authorization: request.headers.authorization ?? (cookieToken ? `Bearer ${cookieToken}` : undefined) },
    };
    // The guard reads route metadata (@Public) from the handler and class; these carry none.
    const context = new ExecutionContextHost([guarded, undefined], BoardAccessService, this.authorize);
    const allowed = this.jwtGuard.canActivate(context);
    await (isObservable(allowed) ? lastValueFrom(allowed) : allowed);
    if (!guarded.user) throw new AppException(CommonErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, 'Missing or invalid access token');
    return guarded.user;
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim() || undefined;
  }
  return undefined;
}
