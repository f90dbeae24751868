import { AccessTokenClaims } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { VerifiedTokenCache } from './verified-token.cache';

const claims = (exp: number): AccessTokenClaims => ({ sub: 'u1', org: 'o1', role: Role.Admin, jti: 'j1', sid: 's1', ver: 0, iat: exp - 900, exp });

describe(VerifiedTokenCache.name, () => {
  it('should return the claims of a remembered token until it expires', () => {
    const sut = new VerifiedTokenCache();
    sut.remember('token-a', claims(1_000));
    expect(sut.get('token-a', 999)?.sub).toBe('u1');
    expect(sut.get('token-a', 1_000)).toBeUndefined();
    expect(sut.get('token-a', 999)).toBeUndefined();
  });

  it('should know nothing of a token it never verified', () => {
    expect(new VerifiedTokenCache().get('forged', 0)).toBeUndefined();
  });

  it('should drop the oldest entry past its capacity', () => {
    const sut = new VerifiedTokenCache(2);
    sut.remember('a', claims(1_000));
    sut.remember('b', claims(1_000));
    sut.remember('c', claims(1_000));
    expect(sut.get('a', 0)).toBeUndefined();
    expect(sut.get('b', 0)).toBeDefined();
    expect(sut.get('c', 0)).toBeDefined();
  });
});
