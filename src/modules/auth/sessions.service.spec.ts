import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { Role } from 'src/common/auth/role.enum';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrganizationStatus } from 'src/modules/organizations/organization.entity';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { UserAccessService, UserAccessState } from 'src/modules/users/user-access.service';
import { RefreshRevokeReason, RefreshTokenEntity } from './refresh-token.entity';
import { SessionsService } from './sessions.service';
import { hashRefreshToken, IssuedTokens, TokenService } from './token.service';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const userId = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const familyId = 'a1b2c3d4-0000-4000-8000-000000000001';
const presented = 'rt_presented-token';

function refreshTokenFactory(overrides: Partial<RefreshTokenEntity> = {}): RefreshTokenEntity {
  return Object.assign(new RefreshTokenEntity(), {
    id: 'old-row-id',
    organizationId,
    userId,
    familyId,
    tokenHash: hashRefreshToken(presented),
    tokenVersion: 2,
    expiresAt: new Date(Date.now() + 86_400_000),
    revokedAt: null,
    revokedReason: null,
    replacedById: null,
    createdByIp: null,
    userAgent: null,
    ...overrides,
  });
}

const activeUser: UserAccessState = {
  organizationId,
  role: Role.Secretary,
  isActive: true,
  tokenVersion: 2,
  profile: {
    id: userId,
    organization_id: organizationId,
    name: 'Ana Souza',
    email: 'ana@clinic.test',
    role: Role.Secretary,
    is_active: true,
    last_login_at: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
  },
};

const issued: IssuedTokens = {
  accessToken: 'access.jwt',
  expiresIn: 900,
  refreshToken: 'rt_next',
  refreshExpiresAt: new Date('2026-02-01T00:00:00Z'),
  refreshTokenId: 'new-row-id',
};

type RefreshTokenRepositoryMock = jest.Mocked<Pick<Repository<RefreshTokenEntity>, 'findOne' | 'findOneBy' | 'update' | 'delete'>>;

function mockRefreshTokenRepository(): RefreshTokenRepositoryMock {
  return { findOne: jest.fn(), findOneBy: jest.fn(), update: jest.fn(), delete: jest.fn() };
}

describe(SessionsService.name, () => {
  let sut: SessionsService;
  let refreshTokens: RefreshTokenRepositoryMock;
  /** What an EntityManager (the transaction's, or dataSource.manager) hands out for RefreshTokenEntity. */
  let managed: RefreshTokenRepositoryMock;
  let manager: EntityManager;
  let transaction: jest.Mock;
  let tokens: jest.Mocked<Pick<TokenService, 'issue' | 'revokeSessionAccess'>>;
  let users: jest.Mocked<Pick<UserAccessService, 'getState'>>;
  let organizations: jest.Mocked<Pick<OrganizationsService, 'getAccessState'>>;
  let audit: jest.Mocked<Pick<AuditService, 'record'>>;
  /** What happened, in order: 'commit' when the transaction callback resolves, 'audit' on every audit entry. */
  let events: string[];

  beforeEach(() => {
    events = [];
    refreshTokens = mockRefreshTokenRepository();
    managed = mockRefreshTokenRepository();
    manager = { getRepository: jest.fn(() => managed) } as unknown as EntityManager;
    transaction = jest.fn(async (work: (manager: EntityManager) => Promise<unknown>) => {
      const result = await work(manager);
      events.push('commit');
      return result;
    });
    tokens = { issue: jest.fn().mockResolvedValue(issued), revokeSessionAccess: jest.fn() };
    users = { getState: jest.fn().mockResolvedValue(activeUser) };
    organizations = { getAccessState: jest.fn().mockResolvedValue({ status: OrganizationStatus.Active }) };
    audit = { record: jest.fn() };
    audit.record.mockImplementation(async () => void events.push('audit'));
    sut = new SessionsService(
      refreshTokens as unknown as Repository<RefreshTokenEntity>,
      { transaction, manager } as unknown as DataSource,
      tokens as unknown as TokenService,
      users as unknown as UserAccessService,
      organizations as unknown as OrganizationsService,
      audit as unknown as AuditService,
    );
  });

  describe('rotate', () => {
    it('should throw AUTH_INVALID_REFRESH_TOKEN when no row has the token hash', async () => {
      managed.findOne.mockResolvedValue(null);

      await expect(sut.rotate(presented)).rejects.toMatchObject({ code: 'AUTH_INVALID_REFRESH_TOKEN' });

      expect(managed.findOne).toHaveBeenCalledWith({
        where: { tokenHash: hashRefreshToken(presented) },
        lock: { mode: 'pessimistic_write' },
      });
      expect(managed.update).not.toHaveBeenCalled();
    });

    it('should revoke the family, audit after the commit and throw AUTH_REFRESH_TOKEN_REUSED when a rotated token comes back', async () => {
      managed.findOne.mockResolvedValue(
        refreshTokenFactory({ revokedAt: new Date(Date.now() - 1_000), revokedReason: RefreshRevokeReason.Rotated, replacedById: 'newer-row' }),
      );

      await expect(sut.rotate(presented)).rejects.toMatchObject({ code: 'AUTH_REFRESH_TOKEN_REUSED' });

      expect(managed.update).toHaveBeenCalledWith(
        { familyId, revokedAt: IsNull() },
        { revokedAt: expect.any(Date), revokedReason: RefreshRevokeReason.ReuseDetected },
      );
      // Outside the transaction (no manager) and after its commit, so throwing cannot roll the revocation back.
      expect(audit.record).toHaveBeenCalledWith({
        organizationId,
        actor: { userId },
        action: AuditAction.RefreshReuseDetected,
        entityType: AuditEntityType.Session,
        entityId: familyId,
      });
      expect(events).toEqual(['commit', 'audit']);
      expect(tokens.issue).not.toHaveBeenCalled();
      expect(tokens.revokeSessionAccess).toHaveBeenCalledWith(familyId);
    });

    it('should throw AUTH_INVALID_REFRESH_TOKEN without touching the family when the token was revoked for another reason', async () => {
      managed.findOne.mockResolvedValue(refreshTokenFactory({ revokedAt: new Date(), revokedReason: RefreshRevokeReason.Logout }));

      await expect(sut.rotate(presented)).rejects.toMatchObject({ code: 'AUTH_INVALID_REFRESH_TOKEN' });

      expect(managed.update).not.toHaveBeenCalled();
      expect(audit.record).not.toHaveBeenCalled();
    });

    it('should throw AUTH_INVALID_REFRESH_TOKEN when the token has expired', async () => {
      managed.findOne.mockResolvedValue(refreshTokenFactory({ expiresAt: new Date(Date.now() - 1_000) }));

      await expect(sut.rotate(presented)).rejects.toMatchObject({ code: 'AUTH_INVALID_REFRESH_TOKEN' });

      expect(managed.update).not.toHaveBeenCalled();
      expect(tokens.issue).not.toHaveBeenCalled();
    });

    it.each([
      ['the user is inactive', { ...activeUser, isActive: false }],
      ['the token version was bumped', { ...activeUser, tokenVersion: 3 }],
      ['the user is gone', null],
    ])('should revoke the family as access_revoked and throw AUTH_INVALID_REFRESH_TOKEN when %s', async (_case, state) => {
      managed.findOne.mockResolvedValue(refreshTokenFactory());
      users.getState.mockResolvedValue(state);

      await expect(sut.rotate(presented)).rejects.toMatchObject({ code: 'AUTH_INVALID_REFRESH_TOKEN' });

      expect(users.getState).toHaveBeenCalledWith(userId);
      expect(managed.update).toHaveBeenCalledWith(
        { familyId, revokedAt: IsNull() },
        { revokedAt: expect.any(Date), revokedReason: RefreshRevokeReason.AccessRevoked },
      );
      expect(tokens.issue).not.toHaveBeenCalled();
    });

    it('should throw ORGANIZATION_SUSPENDED when the organization is suspended', async () => {
      managed.findOne.mockResolvedValue(refreshTokenFactory());
      organizations.getAccessState.mockResolvedValue({ status: OrganizationStatus.Suspended });

      await expect(sut.rotate(presented)).rejects.toMatchObject({ code: 'ORGANIZATION_SUSPENDED' });

      expect(organizations.getAccessState).toHaveBeenCalledWith(organizationId);
      expect(tokens.issue).not.toHaveBeenCalled();
      expect(managed.update).not.toHaveBeenCalled();
    });

    it('should issue a pair in the same family and mark the old row rotated when the token is current', async () => {
      managed.findOne.mockResolvedValue(refreshTokenFactory());

      const result = await sut.rotate(presented);

      expect(result).toEqual({ tokens: issued, userId });
      expect(tokens.issue).toHaveBeenCalledWith(
        { id: userId, organizationId, role: activeUser.role, tokenVersion: activeUser.tokenVersion },
        { manager, familyId },
      );
      expect(managed.update).toHaveBeenCalledTimes(1);
      expect(managed.update).toHaveBeenCalledWith(
        { id: 'old-row-id' },
        { revokedAt: expect.any(Date), revokedReason: RefreshRevokeReason.Rotated, replacedById: issued.refreshTokenId },
      );
      expect(audit.record).not.toHaveBeenCalled();
    });
  });

  describe('revokeByToken', () => {
    it("should look the token up among the given user's rows only and end its session", async () => {
      refreshTokens.findOneBy.mockResolvedValue(refreshTokenFactory());

      await sut.revokeByToken(userId, presented);

      expect(refreshTokens.findOneBy).toHaveBeenCalledWith({ tokenHash: hashRefreshToken(presented), userId });
      expect(refreshTokens.update).toHaveBeenCalledWith(
        { familyId, userId, revokedAt: IsNull() },
        { revokedAt: expect.any(Date), revokedReason: RefreshRevokeReason.Logout },
      );
      expect(tokens.revokeSessionAccess).toHaveBeenCalledWith(familyId);
    });

    it("should do nothing when the token is not one of the user's", async () => {
      refreshTokens.findOneBy.mockResolvedValue(null);

      await sut.revokeByToken('another-user-id', presented);

      expect(refreshTokens.findOneBy).toHaveBeenCalledWith({ tokenHash: hashRefreshToken(presented), userId: 'another-user-id' });
      expect(refreshTokens.update).not.toHaveBeenCalled();
      expect(tokens.revokeSessionAccess).not.toHaveBeenCalled();
    });
  });

  describe('revokeAllOfUser', () => {
    it("should revoke every live refresh token of the user with the given reason", async () => {
      await sut.revokeAllOfUser(userId, RefreshRevokeReason.LogoutAll);

      expect(managed.update).toHaveBeenCalledWith(
        { userId, revokedAt: IsNull() },
        { revokedAt: expect.any(Date), revokedReason: RefreshRevokeReason.LogoutAll },
      );
    });
  });
});
