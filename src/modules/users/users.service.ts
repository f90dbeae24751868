import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { DomainEvent } from 'src/common/events/domain-events';
import { findPage, Page } from 'src/common/pagination';
import { inOrganization } from 'src/common/tenancy/visible-to';
import { escapeLike } from 'src/database/escape-like';
import { isUniqueViolation } from 'src/database/pg-errors';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { diffChanges } from 'src/modules/audit/diff-changes';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { PlansService } from 'src/modules/organizations/plans.service';
import { CreateUserDto, NewAccountDto, UpdateUserDto } from './dto/user-input.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { PasswordService } from './password.service';
import { UserAccessService } from './user-access.service';
import { UserEntity } from './user.entity';
import { UserErrorCode, UserException } from './users.exceptions';

const SORT_COLUMNS = { created_at: 'user.created_at', name: 'user.name', email: 'user.email' } as const;

/** An admin's management of the users of their own organization. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly plans: PlansService,
    private readonly passwords: PasswordService,
    private readonly access: UserAccessService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserResponseDto> {
    const user = await this.dataSource.transaction((manager) =>
      this.createInTransaction(manager, actor.organizationId, { ...dto, isActive: dto.is_active ?? true }, actor),
    );
    return UserResponseDto.from(user);
  }

  /** Adds a user inside the caller's transaction, enforcing the plan's user limit. */
  async createInTransaction(
    manager: EntityManager,
    organizationId: string,
    account: NewAccountDto & { role: Role; isActive?: boolean },
    actor: AuthUser | null,
  ): Promise<UserEntity> {
    this.passwords.assertPolicy(account.password, account.email);
    await this.organizations.lockForUpdate(manager, organizationId);
    const plan = await this.organizations.getPlanOf(organizationId, manager);
    this.plans.assertWithinLimit(plan, 'maxUsers', await manager.getRepository(UserEntity).countBy({ organizationId }));
    await this.assertEmailFree(manager, account.email);
    const repository = manager.getRepository(UserEntity);
    const user = repository.create({
      organizationId,
      name: account.name,
      email: account.email,
      role: account.role,
      isActive: account.isActive ?? true,
      passwordHash: await this.passwords.hash(account.password),
      passwordChangedAt: new Date(),
    });
    try {
      await repository.insert(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
    await this.audit.record(
      {
        organizationId,
        actor,
        action: AuditAction.UserCreated,
        entityType: AuditEntityType.User,
        entityId: user.id,
        changes: diffChanges({}, { name: user.name, email: user.email, role: user.role, is_active: user.isActive }),
      },
      manager,
    );
    return user;
  }

  async list(actor: AuthUser, query: ListUsersQueryDto): Promise<Page<UserResponseDto>> {
    const qb = this.users.createQueryBuilder('user').where('user.organization_id = :org', { org: actor.organizationId });
    if (query.role) qb.andWhere('user.role = :role', { role: query.role });
    if (query.is_active !== undefined) qb.andWhere('user.is_active = :active', { active: query.is_active });
    if (query.search) {
      qb.andWhere('(user.name ILIKE :search OR user.email ILIKE :search)', { search: `%${escapeLike(query.search)}%` });
    }
    const page = await findPage(qb, query, SORT_COLUMNS);
    return { ...page, items: page.items.map(UserResponseDto.from) };
  }

  async findOne(actor: AuthUser, id: string): Promise<UserResponseDto> {
    return UserResponseDto.from(await this.getVisible(this.users, actor, id));
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserResponseDto> {
    const user = await this.dataSource.transaction(async (manager) => {
      await this.organizations.lockForUpdate(manager, actor.organizationId);
      const repository = manager.getRepository(UserEntity);
      const current = await this.getVisible(repository, actor, id);
      const losesAdmin = current.role === Role.Admin && current.isActive && ((dto.role && dto.role !== Role.Admin) || dto.is_active === false);
      if (losesAdmin) await this.assertAnotherAdmin(manager, actor.organizationId, id);
      if (dto.email && dto.email !== current.email) await this.assertEmailFree(manager, dto.email);
      if (dto.password) this.passwords.assertPolicy(dto.password, dto.email ?? current.email);

      const next = { name: dto.name, email: dto.email, role: dto.role, isActive: dto.is_active };
      const changes = diffChanges(
        { name: current.name, email: current.email, role: current.role, is_active: current.isActive },
        { name: next.name, email: next.email, role: next.role, is_active: next.isActive, password: dto.password ? '*' : undefined },
      );
      const signsOut = Boolean(dto.password) || (dto.is_active === false && current.isActive);
      Object.assign(current, stripUndefined(next));
      if (dto.password) {
        current.passwordHash = await this.passwords.hash(dto.password);
        current.passwordChangedAt = new Date();
      }
      if (signsOut) current.tokenVersion += 1;
      const saved = await this.saveUnique(repository, current);
      if (Object.keys(changes).length > 0) {
        await this.audit.record(
          { organizationId: actor.organizationId, actor, action: AuditAction.UserUpdated, entityType: AuditEntityType.User, entityId: id, changes },
          manager,
        );
      }
      return saved;
    });
    await this.access.refresh(id);
    if (dto.is_active !== undefined || dto.role !== undefined) this.events.emit(DomainEvent.SecretaryAvailabilityChanged, { organizationId: actor.organizationId, userId: id });
    return UserResponseDto.from(user);
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.organizations.lockForUpdate(manager, actor.organizationId);
      const repository = manager.getRepository(UserEntity);
      const user = await this.getVisible(repository, actor, id);
      if (user.role === Role.Admin && user.isActive) await this.assertAnotherAdmin(manager, actor.organizationId, id);
      await repository.update({ id }, { isActive: false, tokenVersion: user.tokenVersion + 1 });
      await repository.softDelete({ id });
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: AuditAction.UserDeleted,
          entityType: AuditEntityType.User,
          entityId: id,
          metadata: { email: user.email, role: user.role },
        },
        manager,
      );
    });
    await this.access.refresh(id);
    this.events.emit(DomainEvent.SecretaryAvailabilityChanged, { organizationId: actor.organizationId, userId: id });
  }

  /**
   * The organization's active users among `userIds`, or with one of `roles`: who may receive something
   * (a notification) on the organization's behalf. Users of other organizations are never returned.
   */
  async activeRecipients(organizationId: string, filter: { userIds: string[] } | { roles: Role[] }): Promise<string[]> {
    const rows = await this.users.find({
      select: { id: true },
      where: 'userIds' in filter ? { organizationId, isActive: true, id: In(filter.userIds) } : { organizationId, isActive: true, role: In(filter.roles) },
    });
    return rows.map((row) => row.id);
  }

  private async getVisible(repository: Repository<UserEntity>, actor: AuthUser, id: string): Promise<UserEntity> {
    const user = await repository.findOneBy(inOrganization<UserEntity>(actor, { id }));
    if (!user) throw new UserException(UserErrorCode.NotFound, 'User not found');
    return user;
  }

  // The organization row is locked by the caller, so two admins cannot demote each other at once.
  private async assertAnotherAdmin(manager: EntityManager, organizationId: string, exceptUserId: string): Promise<void> {
    const others = await manager.getRepository(UserEntity).countBy({ organizationId, role: Role.Admin, isActive: true, id: Not(exceptUserId) });
    if (others === 0) {
      throw new UserException(UserErrorCode.LastAdmin, 'The organization must keep at least one active admin');
    }
  }

  private async assertEmailFree(manager: EntityManager, email: string): Promise<void> {
    if (await manager.getRepository(UserEntity).existsBy({ email })) throw emailTaken();
  }

  private async saveUnique(repository: Repository<UserEntity>, user: UserEntity): Promise<UserEntity> {
    try {
      return await repository.save(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }
}

function emailTaken(): UserException {
  return new UserException(UserErrorCode.EmailTaken, 'A user with this email already exists');
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
