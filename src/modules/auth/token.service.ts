import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { EntityManager, Repository } from 'typeorm';
import { authConfig } from 'src/config/auth.config';
import { AccessTokenClaims } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { RequestContextStore } from 'src/common/request-context/request-context.store';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface TokenSubject {
  id: string;
  organizationId: string;
  role: Role;
  tokenVersion: number;
}

export interface IssuedTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: Date;
  refreshTokenId: string;
}

export const REFRESH_TOKEN_PREFIX = 'rt_';
const DAY_MS = 86_400_000;

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Mints access JWTs and refresh tokens, and keeps the access-token deny list. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
    @Inject(authConfig.KEY) private readonly config: ConfigType<typeof authConfig>,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly keys: RedisConnectionFactory,
  ) {}

  /** Issues an access token and a refresh token; `familyId` continues an existing session. */
  async issue(subject: TokenSubject, options: { manager?: EntityManager; familyId?: string } = {}): Promise<IssuedTokens> {
    const familyId = options.familyId ?? randomUUID();
    const claims: Pick<AccessTokenClaims, 'sub' | 'org' | 'role' | 'jti' | 'sid' | 'ver'> = {
      sub: subject.id,
      org: subject.organizationId,
      role: subject.role,
      jti: randomUUID(),
      sid: familyId,
      ver: subject.tokenVersion,
    };
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = REFRESH_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.refreshTtlDays * DAY_MS);
    const repository = options.manager ? options.manager.getRepository(RefreshTokenEntity) : this.refreshTokens;
    const request = RequestContextStore.current();
    const row = repository.create({
      organizationId: subject.organizationId,
      userId: subject.id,
      familyId,
      tokenHash: hashRefreshToken(refreshToken),
      tokenVersion: subject.tokenVersion,
      expiresAt: refreshExpiresAt,
      createdByIp: request?.ip?.slice(0, 64) ?? null,
      userAgent: request?.userAgent?.slice(0, 255) ?? null,
    });
    await repository.insert(row);
    return { accessToken, expiresIn: this.config.accessTtlSeconds, refreshToken, refreshExpiresAt, refreshTokenId: row.id };
  }

  /** Denies an access token until it would have expired anyway. */
  async revokeAccessToken(jti: string, expiresAtSeconds: number): Promise<void> {
    const ttl = Math.max(1, Math.ceil(expiresAtSeconds - Date.now() / 1000));
    await this.redis.set(this.revokedKey(jti), '1', 'EX', ttl);
  }

  /** Denies every access token of a session (refresh-token family) for as long as any could live. */
  async revokeSessionAccess(sessionId: string): Promise<void> {
    await this.redis.set(this.revokedSessionKey(sessionId), '1', 'EX', this.config.accessTtlSeconds);
  }

  /** Keys whose presence revokes an access token: its own id, or its whole session. */
  revocationKeys(jti: string, sessionId: string): [string, string] {
    return [this.revokedKey(jti), this.revokedSessionKey(sessionId)];
  }

  private revokedSessionKey(sessionId: string): string {
    return this.keys.key('auth', 'revoked-session', sessionId);
  }

  private revokedKey(jti: string): string {
    return this.keys.key('auth', 'revoked-jti', jti);
  }
}
