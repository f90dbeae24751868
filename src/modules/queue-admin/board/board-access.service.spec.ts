import { HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { AppException, CommonErrorCode } from 'src/common/exceptions/app.exception';
import { JwtAuthGuard } from 'src/common/guards/jwt-auth.guard';
import { AppConfig } from 'src/config/app.config';
import { BOARD_CSP } from '../queue-admin.constants';
import { BoardAccessService, readCookie } from './board-access.service';

const NOW_S = 1_800_000_000;

function user(role: Role): AuthUser {
  return { userId: 'u1', organizationId: 'o1', role, jti: 'j1', sessionId: 's1', tokenExpiresAt: NOW_S + 600 };
}

interface GuardedRequest {
  headers: { authorization?: string };
  user?: AuthUser;
}

/** Records what the exception filter writes, as a FastifyReply would. */
class FakeReply {
  headers: Record<string, string> = {};
  statusCode = 200;
  body: unknown;
  readonly send = jest.fn((body: unknown): this => {
    this.body = body;
    return this;
  });

  header(name: string, value: string): this {
    this.headers[name.toLowerCase()] = value;
    return this;
  }

  getHeader(name: string): string | undefined {
    return this.headers[name.toLowerCase()];
  }

  status(code: number): this {
    this.statusCode = code;
    return this;
  }
}

function fakeReply(): FakeReply {
  return new FakeReply();
}

describe(BoardAccessService.name, () => {
  let guard: { canActivate: jest.Mock };
  /** The Authorization header the guard was shown. */
  let seen: string | undefined;

  function service(nodeEnv = 'test'): BoardAccessService {
    return new BoardAccessService(guard as unknown as JwtAuthGuard, { nodeEnv } as AppConfig);
  }

  function admits(authUser: AuthUser): void {
    guard.canActivate.mockImplementation(async (context: { switchToHttp(): { getRequest(): GuardedRequest } }) => {
      const request = context.switchToHttp().getRequest();
      seen = request.headers.authorization;
      request.user = authUser;
      return true;
    });
  }

  const request = (headers: Record<string, string>) => ({ id: 'req-1', headers }) as unknown as FastifyRequest;

  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW_S * 1000);
    guard = { canActivate: jest.fn() };
    seen = undefined;
  });

  afterEach(() => jest.restoreAllMocks());

  describe('openSession', () => {
    it('should set an HttpOnly, SameSite=Strict cookie on the board path that lives as long as the token', () => {
      const session = service().openSession(user(Role.SuperAdmin), 'Bearer a.b.c');
      expect(session.cookie).toBe('robbot_board_token=a.b.c; Path=/admin/queues; Max-Age=600; HttpOnly; SameSite=Strict');
      expect(session.body).toEqual({ board_url: '/admin/queues', expires_at: new Date((NOW_S + 600) * 1000).toISOString() });
    });

    it('should mark the cookie Secure outside development and test', () => {
      expect(service('production').openSession(user(Role.SuperAdmin), 'Bearer a.b.c').cookie).toMatch(/; Secure$/);
      expect(service('development').openSession(user(Role.SuperAdmin), 'Bearer a.b.c').cookie).not.toContain('Secure');
    });
  });

  describe('authorize', () => {
    it('should let a super admin through and set the board CSP', async () => {
      admits(user(Role.SuperAdmin));
      const reply = fakeReply();
      await expect(service().authorize(request({ authorization: 'Bearer a.b.c' }), reply as unknown as FastifyReply)).resolves.toBeUndefined();
      expect(seen).toBe('Bearer a.b.c');
      expect(reply.headers['content-security-policy']).toBe(BOARD_CSP);
      expect(reply.send).not.toHaveBeenCalled();
    });

    it('should take the token from the board cookie when there is no bearer header', async () => {
      admits(user(Role.SuperAdmin));
      await service().authorize(request({ cookie: 'theme=dark; robbot_board_token=x.y.z' }), fakeReply() as unknown as FastifyReply);
      expect(seen).toBe('Bearer x.y.z');
    });

    it('should show the guard no token when there is neither header nor cookie', async () => {
      admits(user(Role.SuperAdmin));
      await service().authorize(request({}), fakeReply() as unknown as FastifyReply);
      expect(seen).toBeUndefined();
    });

    it('should answer 403 FORBIDDEN to a clinic admin', async () => {
      admits(user(Role.Admin));
      const reply = fakeReply();
      await expect(service().authorize(request({ authorization: 'Bearer a.b.c' }), reply as unknown as FastifyReply)).resolves.toBe(reply);
      expect(reply.statusCode).toBe(403);
      expect(reply.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN', requestId: 'req-1' });
    });

    it('should answer what the guard refused with, in the API error shape', async () => {
      guard.canActivate.mockRejectedValue(new AppException(CommonErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, 'Access token expired'));
      const reply = fakeReply();
      await service().authorize(request({ authorization: 'Bearer old' }), reply as unknown as FastifyReply);
      expect(reply.statusCode).toBe(401);
      expect(reply.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: 'Access token expired', details: undefined, requestId: 'req-1' });
    });
  });

  describe('readCookie', () => {
    it('should find the named cookie among others', () => {
      expect(readCookie('a=1; robbot_board_token=t.o.k; b=2', 'robbot_board_token')).toBe('t.o.k');
    });

    it('should ignore similar names, empty values and missing headers', () => {
      expect(readCookie('xrobbot_board_token=1', 'robbot_board_token')).toBeUndefined();
      expect(readCookie('robbot_board_token=', 'robbot_board_token')).toBeUndefined();
      expect(readCookie(undefined, 'robbot_board_token')).toBeUndefined();
    });
  });
});
