import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import Redis from 'ioredis';
import { authConfig } from 'src/config/auth.config';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { AccessTokenClaims, AuthUser } from 'src/common/auth/auth-user';
import { OrganizationStatus } from 'src/modules/organizations/organization.entity';
import { OrganizationErrorCode, OrganizationException } from 'src/modules/organizations/organizations.exceptions';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { UserAccessService } from 'src/modules/users/user-access.service';
import { AuthErrorCode, AuthException } from './auth.exceptions';
import { TokenService } from './token.service';
import { VerifiedTokenCache } from './verified-token.cache';

export const JWT_ISSUER = 'robbot';

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

interface PassportActions {
  success(user: AuthUser): void;
  error(error: unknown): void;
}

/**
 * Verifies the signature in-process, then checks the live state with one Redis MGET:
 * a deactivated user, a changed password, a logout or a suspension locks out at the next request.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly verified = new VerifiedTokenCache();

  constructor(
    @Inject(authConfig.KEY) config: ConfigType<typeof authConfig>,
    private readonly users: UserAccessService,
    private readonly organizations: OrganizationsService,
    private readonly tokens: TokenService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {
    super({
      jwtFromRequest: bearerToken,
      passReqToCallback: true,
      // A KeyObject, not the string: given a string, jsonwebtoken first tries to parse it as a public key
      // on every verify, which cost ~0.6 ms a request. passport-jwt hands the value straight to it.
      secretOrKey: createSecretKey(Buffer.from(config.accessSecret)) as unknown as Buffer,
      algorithms: ['HS256'],
      issuer: JWT_ISSUER,
      ignoreExpiration: false,
    });
  }

  /** A token verified before skips passport-jwt's signature check; everything else runs as usual. */
  override authenticate(request: Parameters<Strategy['authenticate']>[0], options?: object): void {
    const token = bearerToken(request);
    const claims = token ? this.verified.get(token) : undefined;
    if (!claims) return super.authenticate(request, options);
    const actions = this as unknown as PassportActions;
    this.check(claims).then(
      (user) => actions.success(user),
      (error: unknown) => actions.error(error),
    );
  }

  /** Called by passport-jwt only after the signature, issuer and expiry were verified. */
  async validate(request: Parameters<Strategy['authenticate']>[0], claims: AccessTokenClaims): Promise<AuthUser> {
    const token = bearerToken(request);
    if (token) this.verified.remember(token, claims);
    return this.check(claims);
  }

  private async check(claims: AccessTokenClaims): Promise<AuthUser> {
    const [userRaw, organizationRaw, revokedToken, revokedSession] = await this.redis.mget(
      this.users.stateKey(claims.sub),
      this.organizations.accessStateKey(claims.org),
      ...this.tokens.revocationKeys(claims.jti, claims.sid),
    );
    // Only a cache miss (after a restart or expiry) reaches PostgreSQL.
    const [user, organization] = await Promise.all([
      this.users.resolveState(claims.sub, userRaw),
      this.organizations.resolveAccessState(claims.org, organizationRaw),
    ]);
    const revoked = revokedToken !== null || revokedSession !== null;
    if (revoked || !user || !user.isActive || user.tokenVersion !== claims.ver || user.organizationId !== claims.org) {
      throw new AuthException(AuthErrorCode.SessionRevoked, 'Session is no longer valid; log in again');
    }
    if (organization?.status !== OrganizationStatus.Active) {
      throw new OrganizationException(OrganizationErrorCode.Suspended, 'Organization is suspended');
    }
    return {
      userId: claims.sub,
      organizationId: claims.org,
      role: user.role,
      jti: claims.jti,
      sessionId: claims.sid,
      tokenExpiresAt: claims.exp,
      cachedState: user,
    };
  }
}
