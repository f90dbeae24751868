import { EventEmitter2 } from '@nestjs/event-emitter';
import { DataSource, EntityManager, Not, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { AuditAction } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { PlanCode, PlanEntity } from 'src/modules/organizations/plan.entity';
import { PlansService } from 'src/modules/organizations/plans.service';
import { PasswordService } from './password.service';
import { UserAccessService } from './user-access.service';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';
import { userEntityFactory } from 'test/support/unit/user-entity.factory';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const targetId = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const admin: AuthUser = { userId: 'acting-admin-id', organizationId, role: Role.Admin, jti: 'jti', sessionId: 'session-1', tokenExpiresAt: 1_900_000_000 };

const starterPlan: PlanEntity = { code: PlanCode.Starter, name: 'Starter', maxUsers: 3, maxWhatsappNumbers: 1, monthlyInboundMessages: 3_000, monthlyAiTokens: 1_000_000, sortOrder: 2 };

function userFactory(overrides: Partial<UserEntity> = {}): UserEntity {
  return userEntityFactory({ id: targetId, organizationId, tokenVersion: 4, passwordHash: '$argon2id$old', ...overrides });
}

type UserRepositoryMock = jest.Mocked<
  Pick<Repository<UserEntity>, 'findOneBy' | 'countBy' | 'existsBy' | 'create' | 'insert' | 'save' | 'update' | 'softDelete'>
>;

function mockUserRepository(): UserRepositoryMock {
  const repository: UserRepositoryMock = {
    findOneBy: jest.fn(),
    countBy: jest.fn(),
    existsBy: jest.fn(),
    create: jest.fn(),
    insert: jest.fn(),
    save: jest.fn(),
    update: jest.fn(),
    softDelete: jest.fn(),
  };
  repository.existsBy.mockResolvedValue(false);
  repository.create.mockImplementation((fields) => Object.assign(new UserEntity(), { id: 'new-user-id' }, fields));
  repository.save.mockImplementation(async (user) => Object.assign(new UserEntity(), user));
  return repository;
}

describe(UsersService.name, () => {
  let sut: UsersService;
  let users: UserRepositoryMock;
  /** What the transaction's EntityManager hands out for UserEntity. */
  let managed: UserRepositoryMock;
  let manager: EntityManager;
  let organizations: jest.Mocked<Pick<OrganizationsService, 'lockForUpdate' | 'getPlanOf'>>;
  let passwords: jest.Mocked<Pick<PasswordService, 'assertPolicy' | 'hash'>>;
  let access: jest.Mocked<Pick<UserAccessService, 'refresh'>>;
  let audit: jest.Mocked<Pick<AuditService, 'record'>>;

  beforeEach(() => {
    users = mockUserRepository();
    managed = mockUserRepository();
    manager = { getRepository: jest.fn(() => managed) } as unknown as EntityManager;
    const dataSource = { transaction: jest.fn(async (work: (manager: EntityManager) => Promise<unknown>) => work(manager)) };
    organizations = { lockForUpdate: jest.fn(), getPlanOf: jest.fn().mockResolvedValue(starterPlan) };
    passwords = { assertPolicy: jest.fn(), hash: jest.fn().mockResolvedValue('$argon2id$new') };
    access = { refresh: jest.fn() };
    audit = { record: jest.fn() };
    sut = new UsersService(
      users as unknown as Repository<UserEntity>,
      dataSource as unknown as DataSource,
      organizations as unknown as OrganizationsService,
      new PlansService({} as Repository<PlanEntity>),
      passwords as unknown as PasswordService,
      access as unknown as UserAccessService,
      audit as unknown as AuditService,
      new EventEmitter2(),
    );
  });

  describe('findOne', () => {
    it("should throw USER_NOT_FOUND when the id is outside the actor's organization", async () => {
      users.findOneBy.mockResolvedValue(null);

      await expect(sut.findOne(admin, targetId)).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });

      expect(users.findOneBy).toHaveBeenCalledWith({ id: targetId, organizationId: admin.organizationId });
    });

    it('should answer the user when it belongs to the organization', async () => {
      users.findOneBy.mockResolvedValue(userFactory());

      await expect(sut.findOne(admin, targetId)).resolves.toMatchObject({ id: targetId, organization_id: organizationId });
    });
  });

  describe('update', () => {
    it.each([
      ['demoted', { role: Role.Secretary }],
      ['deactivated', { is_active: false }],
    ] as const)('should throw USER_LAST_ADMIN when the last active admin is %s', async (_case, dto) => {
      managed.findOneBy.mockResolvedValue(userFactory());
      managed.countBy.mockResolvedValue(0);

      await expect(sut.update(admin, targetId, dto)).rejects.toMatchObject({ code: 'USER_LAST_ADMIN' });

      expect(organizations.lockForUpdate).toHaveBeenCalledWith(manager, organizationId);
      expect(managed.countBy).toHaveBeenCalledWith({ organizationId, role: Role.Admin, isActive: true, id: Not(targetId) });
      expect(managed.save).not.toHaveBeenCalled();
      expect(access.refresh).not.toHaveBeenCalled();
    });

    it('should demote the admin when another active admin exists', async () => {
      managed.findOneBy.mockResolvedValue(userFactory());
      managed.countBy.mockResolvedValue(1);

      const response = await sut.update(admin, targetId, { role: Role.Secretary });

      expect(managed.save).toHaveBeenCalledWith(expect.objectContaining({ id: targetId, role: Role.Secretary, tokenVersion: 4 }));
      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({ action: AuditAction.UserUpdated, changes: { role: { old: Role.Admin, new: Role.Secretary } } }),
        manager,
      );
      expect(access.refresh).toHaveBeenCalledWith(targetId);
      expect(response.role).toBe(Role.Secretary);
    });

    it('should not count admins when the target is not an admin', async () => {
      managed.findOneBy.mockResolvedValue(userFactory({ role: Role.Secretary }));

      await sut.update(admin, targetId, { role: Role.Viewer });

      expect(managed.countBy).not.toHaveBeenCalled();
    });

    it('should bump the token version when the user is deactivated', async () => {
      managed.findOneBy.mockResolvedValue(userFactory({ role: Role.Secretary }));

      await sut.update(admin, targetId, { is_active: false });

      expect(managed.save).toHaveBeenCalledWith(expect.objectContaining({ isActive: false, tokenVersion: 5 }));
      expect(access.refresh).toHaveBeenCalledWith(targetId);
    });

    it('should hash the new password and bump the token version when an admin resets the password', async () => {
      managed.findOneBy.mockResolvedValue(userFactory({ role: Role.Secretary }));

      await sut.update(admin, targetId, { password: 'a brand new password' });

      expect(passwords.assertPolicy).toHaveBeenCalledWith('a brand new password', 'ana@clinic.com');
      expect(managed.save).toHaveBeenCalledWith(
        expect.objectContaining({ passwordHash: '$argon2id$new', passwordChangedAt: expect.any(Date), tokenVersion: 5 }),
      );
    });

    it('should keep the token version when only the name changes', async () => {
      managed.findOneBy.mockResolvedValue(userFactory());

      await sut.update(admin, targetId, { name: 'Ana Lima' });

      expect(managed.save).toHaveBeenCalledWith(expect.objectContaining({ name: 'Ana Lima', tokenVersion: 4 }));
    });

    it('should throw USER_EMAIL_TAKEN when the new email belongs to someone else', async () => {
      managed.findOneBy.mockResolvedValue(userFactory());
      managed.existsBy.mockResolvedValue(true);

      await expect(sut.update(admin, targetId, { email: 'taken@clinic.com' })).rejects.toMatchObject({ code: 'USER_EMAIL_TAKEN' });

      expect(managed.existsBy).toHaveBeenCalledWith({ email: 'taken@clinic.com' });
      expect(managed.save).not.toHaveBeenCalled();
    });

    it("should throw USER_NOT_FOUND when the id is outside the actor's organization", async () => {
      managed.findOneBy.mockResolvedValue(null);

      await expect(sut.update(admin, targetId, { name: 'Someone' })).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
      expect(managed.findOneBy).toHaveBeenCalledWith({ id: targetId, organizationId });
    });
  });

  describe('remove', () => {
    it('should throw USER_LAST_ADMIN when the target is the last active admin', async () => {
      managed.findOneBy.mockResolvedValue(userFactory());
      managed.countBy.mockResolvedValue(0);

      await expect(sut.remove(admin, targetId)).rejects.toMatchObject({ code: 'USER_LAST_ADMIN' });

      expect(managed.countBy).toHaveBeenCalledWith({ organizationId, role: Role.Admin, isActive: true, id: Not(targetId) });
      expect(managed.update).not.toHaveBeenCalled();
      expect(managed.softDelete).not.toHaveBeenCalled();
    });

    it('should deactivate, bump the token version and soft-delete when another active admin exists', async () => {
      managed.findOneBy.mockResolvedValue(userFactory());
      managed.countBy.mockResolvedValue(1);

      await sut.remove(admin, targetId);

      expect(managed.update).toHaveBeenCalledWith({ id: targetId }, { isActive: false, tokenVersion: 5 });
      expect(managed.softDelete).toHaveBeenCalledWith({ id: targetId });
      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({ action: AuditAction.UserDeleted, entityId: targetId, metadata: { email: 'ana@clinic.com', role: Role.Admin } }),
        manager,
      );
      expect(access.refresh).toHaveBeenCalledWith(targetId);
    });

    it("should throw USER_NOT_FOUND when the id is outside the actor's organization", async () => {
      managed.findOneBy.mockResolvedValue(null);

      await expect(sut.remove(admin, targetId)).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
      expect(managed.findOneBy).toHaveBeenCalledWith({ id: targetId, organizationId });
    });
  });

  describe('createInTransaction', () => {
    const account = { name: 'Bia Lima', email: 'bia@clinic.com', password: 'a long enough password', role: Role.Secretary };

    it('should throw PLAN_LIMIT_REACHED when the organization already has as many users as the plan allows', async () => {
      managed.countBy.mockResolvedValue(3);

      await expect(sut.createInTransaction(manager, organizationId, account, admin)).rejects.toMatchObject({ code: 'PLAN_LIMIT_REACHED' });

      expect(organizations.lockForUpdate).toHaveBeenCalledWith(manager, organizationId);
      expect(organizations.getPlanOf).toHaveBeenCalledWith(organizationId, manager);
      expect(managed.countBy).toHaveBeenCalledWith({ organizationId });
      expect(managed.insert).not.toHaveBeenCalled();
    });

    it('should throw USER_EMAIL_TAKEN when the email is already used', async () => {
      managed.countBy.mockResolvedValue(1);
      managed.existsBy.mockResolvedValue(true);

      await expect(sut.createInTransaction(manager, organizationId, account, admin)).rejects.toMatchObject({ code: 'USER_EMAIL_TAKEN' });

      expect(managed.existsBy).toHaveBeenCalledWith({ email: account.email });
      expect(managed.insert).not.toHaveBeenCalled();
    });

    it('should insert the user with a hashed password and audit it when under the limit', async () => {
      managed.countBy.mockResolvedValue(2);

      const user = await sut.createInTransaction(manager, organizationId, account, admin);

      expect(passwords.assertPolicy).toHaveBeenCalledWith(account.password, account.email);
      expect(managed.insert).toHaveBeenCalledWith(
        expect.objectContaining({ organizationId, email: account.email, role: Role.Secretary, isActive: true, passwordHash: '$argon2id$new' }),
      );
      expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ action: AuditAction.UserCreated, entityId: user.id }), manager);
    });
  });
});
