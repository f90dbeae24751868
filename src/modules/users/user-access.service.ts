import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { EntityManager, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { JsonCache } from 'src/common/redis/json-cache';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { UserResponseDto } from './dto/user-response.dto';
import { UserEntity } from './user.entity';

/** What the auth guard checks on every request; null when the user is gone. */
export interface UserAccessState {
  organizationId: string;
  role: Role;
  isActive: boolean;
  tokenVersion: number;
  /** The user as the API shows it, so GET /users/me (the dashboard's most frequent call) skips PostgreSQL. */
  profile: UserResponseDto;
}

const ACCESS_STATE_TTL_SECONDS = 300;

/**
 * Everything authentication needs from users: credentials lookup, the cached access state and the
 * token version. Every committed change to a user must call `refresh`, so the cache never serves old data.
 */
@Injectable()
export class UserAccessService {
  private readonly states: JsonCache<UserAccessState>;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(REDIS_CLIENT) redis: Redis,
    keys: RedisConnectionFactory,
  ) {
    this.states = new JsonCache(redis, (id) => keys.key('auth', 'user', id), ACCESS_STATE_TTL_SECONDS);
  }

  /** The user with its password hash, for login and password checks only. */
  findWithPassword(where: { email: string } | { id: string }): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('user').addSelect('user.passwordHash').where(where).getOne();
  }

  getState(userId: string): Promise<UserAccessState | null> {
    return this.states.get(userId, (id) => this.loadState(id));
  }

  /** The caller's state: the copy the auth guard already read for this request, else the cache. */
  async getStateOf(actor: AuthUser): Promise<UserAccessState | null> {
    return (actor.cachedState as UserAccessState | undefined) ?? this.getState(actor.userId);
  }

  /** The Redis key of the cached state, so the auth guard can batch it with other keys in one MGET. */
  stateKey(userId: string): string {
    return this.states.keyOf(userId);
  }

  resolveState(userId: string, raw: string | null): Promise<UserAccessState | null> {
    return this.states.resolve(userId, raw, (id) => this.loadState(id));
  }

  async refresh(userId: string): Promise<void> {
    await this.states.put(userId, await this.loadState(userId));
  }

  /** Invalidates every access and refresh token the user holds. */
  async bumpTokenVersion(userId: string, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(UserEntity) : this.users;
    await repository.increment({ id: userId }, 'tokenVersion', 1);
    if (!manager) await this.refresh(userId);
  }

  async recordLogin(userId: string): Promise<void> {
    await this.users.update({ id: userId }, { lastLoginAt: new Date() });
    await this.refresh(userId);
  }

  private async loadState(userId: string): Promise<UserAccessState | null> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user) return null;
    return {
      organizationId: user.organizationId,
      role: user.role,
      isActive: user.isActive,
      tokenVersion: user.tokenVersion,
      profile: UserResponseDto.from(user),
    };
  }
}
