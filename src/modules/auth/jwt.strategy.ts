import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { authConfig } from 'src/config/auth.config';
import { AccessTokenClaims, AuthUser } from 'src/common/auth/auth-user';
import { OrganizationStatus } from 'src/modules/organizations/organization.entity';
import { OrganizationErrorCode, OrganizationException } from 'src/modules/organizations/organizations.exceptions';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { UserAccessService } from 'src/modules/users/user-access.service';
import { AuthErrorCode, AuthException } from './auth.exceptions';
import { TokenService } from './token.service';

export const JWT_ISSUER = 'robbot';

/**
 * Verifies the signature in-process, then checks the live state in Redis (one round trip, pipelined):
 * a deactivated user, a changed password, a logout or a suspension locks out at the next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(authConfig.KEY) config: ConfigType<typeof authConfig>,
    private readonly users: UserAccessService,
    private readonly organizations: OrganizationsService,
    private readonly tokens: TokenService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.accessSecret,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<AuthUser> {
    const [user, organization, revoked] = await Promise.all([
      this.users.getState(claims.sub),
      this.organizations.getAccessState(claims.org),
      this.tokens.isAccessTokenRevoked(claims.jti, claims.sid),
    ]);
    if (revoked || !user || !user.isActive || user.tokenVersion !== claims.ver || user.organizationId !== claims.org) {
      throw new AuthException(AuthErrorCode.SessionRevoked, 'Session is no longer valid; log in again');
    }
    if (organization?.status !== OrganizationStatus.Active) {
      throw new OrganizationException(OrganizationErrorCode.Suspended, 'Organization is suspended');
    }
    return { userId: claims.sub, organizationId: claims.org, role: user.role, jti: claims.jti, sessionId: claims.sid, tokenExpiresAt: claims.exp };
  }
}
