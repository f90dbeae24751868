import { Reflector } from '@nestjs/core';
import { TokenExpiredError } from 'jsonwebtoken';
import { AppException } from 'src/common/exceptions/app.exception';
import { JwtAuthGuard } from './jwt-auth.guard';

describe(JwtAuthGuard.name, () => {
  const sut = new JwtAuthGuard(new Reflector());

  describe('handleRequest', () => {
    it('should pass the authenticated user through', () => {
      const user = { userId: 'u1' };
      expect(sut.handleRequest(null, user, undefined)).toBe(user);
    });

    it('should answer 401 UNAUTHENTICATED for a missing or invalid token', () => {
      expect(() => sut.handleRequest(null, false, new Error('No auth token'))).toThrow(
        expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'Missing or invalid access token' }),
      );
    });

    it('should say when the token expired', () => {
      expect(() => sut.handleRequest(null, false, new TokenExpiredError('jwt expired', new Date()))).toThrow(
        expect.objectContaining({ code: 'UNAUTHENTICATED', message: 'Access token expired' }),
      );
    });

    it('should keep the strategy’s own decisions (revoked session, suspended organization)', () => {
      const suspended = new AppException('ORGANIZATION_SUSPENDED', 403, 'Organization is suspended');
      expect(() => sut.handleRequest(suspended, false, undefined)).toThrow(suspended);
    });

    it('should answer 503, not 401, when Redis or PostgreSQL failed during the check', () => {
      expect(() => sut.handleRequest(new Error('Connection is closed.'), false, undefined)).toThrow(
        expect.objectContaining({ code: 'SERVICE_UNAVAILABLE' }),
      );
    });
  });
});
