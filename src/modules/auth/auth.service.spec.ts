import { Logger } from '@nestjs/common';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrganizationStatus } from 'src/modules/organizations/organization.entity';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { PasswordService } from 'src/modules/users/password.service';
import { UserAccessService } from 'src/modules/users/user-access.service';
import { UserEntity } from 'src/modules/users/user.entity';
import { AuthService } from './auth.service';
import { RefreshRevokeReason } from './refresh-token.entity';
import { SessionsService } from './sessions.service';
import { IssuedTokens, TokenService } from './token.service';
import { userEntityFactory } from 'test/support/unit/user-entity.factory';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const userId = '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f';
const credentials = { email: 'ana@clinic.com', password: 'correct horse battery' };

function userFactory(overrides: Partial<UserEntity> = {}): UserEntity {
  return userEntityFactory({ id: userId, organizationId, email: credentials.email, ...overrides });
}

const issued: IssuedTokens = {
  accessToken: 'access.jwt',
  expiresIn: 900,
  refreshToken: 'rt_new',
  refreshExpiresAt: new Date('2026-02-01T00:00:00Z'),
  refreshTokenId: 'refresh-row-id',
};

const actor: AuthUser = { userId, organizationId, role: Role.Admin, jti: 'jti-1', sessionId: 'session-1', tokenExpiresAt: 1_900_000_000 };

describe(AuthService.name, () => {
  let sut: AuthService;
  let users: jest.Mocked<Pick<UserAccessService, 'findWithPassword' | 'recordLogin' | 'bumpTokenVersion'>>;
  let passwords: jest.Mocked<Pick<PasswordService, 'verify'>>;
  let organizations: jest.Mocked<Pick<OrganizationsService, 'getAccessState'>>;
  let tokens: jest.Mocked<Pick<TokenService, 'issue' | 'revokeAccessToken'>>;
  let sessions: jest.Mocked<Pick<SessionsService, 'rotate' | 'revokeByToken' | 'revokeSession' | 'revokeAllOfUser'>>;
  let audit: jest.Mocked<Pick<AuditService, 'record'>>;

  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    users = { findWithPassword: jest.fn(), recordLogin: jest.fn(), bumpTokenVersion: jest.fn() };
    passwords = { verify: jest.fn() };
    organizations = { getAccessState: jest.fn().mockResolvedValue({ status: OrganizationStatus.Active }) };
    tokens = { issue: jest.fn().mockResolvedValue(issued), revokeAccessToken: jest.fn() };
    sessions = { rotate: jest.fn(), revokeByToken: jest.fn(), revokeSession: jest.fn(), revokeAllOfUser: jest.fn() };
    audit = { record: jest.fn() };
    sut = new AuthService(
      users as unknown as UserAccessService,
      passwords as unknown as PasswordService,
      organizations as unknown as OrganizationsService,
      tokens as unknown as TokenService,
      sessions as unknown as SessionsService,
      audit as unknown as AuditService,
    );
  });

  afterEach(() => jest.restoreAllMocks());

  describe('login', () => {
    it('should issue tokens, record the login and audit it when the credentials are right', async () => {
      const user = userFactory();
      users.findWithPassword.mockResolvedValue(user);
      passwords.verify.mockResolvedValue(true);

      const response = await sut.login(credentials);

      expect(users.findWithPassword).toHaveBeenCalledWith({ email: credentials.email });
      expect(passwords.verify).toHaveBeenCalledWith(user.passwordHash, credentials.password);
      expect(organizations.getAccessState).toHaveBeenCalledWith(organizationId);
      expect(tokens.issue).toHaveBeenCalledWith(user);
      expect(users.recordLogin).toHaveBeenCalledWith(userId);
      expect(audit.record).toHaveBeenCalledWith({
        organizationId,
        actor: { userId, role: Role.Admin },
        action: AuditAction.LoginSucceeded,
        entityType: AuditEntityType.User,
        entityId: userId,
      });
      expect(response).toMatchObject({
        access_token: issued.accessToken,
        token_type: 'Bearer',
        expires_in: issued.expiresIn,
        refresh_token: issued.refreshToken,
        refresh_expires_at: issued.refreshExpiresAt.toISOString(),
        user: { id: userId, email: credentials.email },
      });
      expect(response.user.last_login_at).not.toBeNull();
    });

    it('should throw AUTH_INVALID_CREDENTIALS and audit reason unknown_email when no user has the email', async () => {
      users.findWithPassword.mockResolvedValue(null);
      passwords.verify.mockResolvedValue(false);

      await expect(sut.login(credentials)).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });

      // Still verified against nothing, so the response time does not reveal which emails exist.
      expect(passwords.verify).toHaveBeenCalledWith(null, credentials.password);
      expect(audit.record).toHaveBeenCalledWith({
        organizationId: null,
        actor: null,
        action: AuditAction.LoginFailed,
        entityType: AuditEntityType.User,
        entityId: null,
        metadata: { reason: 'unknown_email', email: credentials.email },
      });
      expect(tokens.issue).not.toHaveBeenCalled();
    });

    it('should throw AUTH_INVALID_CREDENTIALS and audit reason invalid_password when the password is wrong', async () => {
      users.findWithPassword.mockResolvedValue(userFactory());
      passwords.verify.mockResolvedValue(false);

      await expect(sut.login(credentials)).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });

      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({
          organizationId,
          actor: { userId, role: Role.Admin },
          action: AuditAction.LoginFailed,
          entityId: userId,
          metadata: { reason: 'invalid_password', email: credentials.email },
        }),
      );
      expect(tokens.issue).not.toHaveBeenCalled();
      expect(users.recordLogin).not.toHaveBeenCalled();
    });

    it('should throw AUTH_ACCOUNT_DISABLED when the user is inactive', async () => {
      users.findWithPassword.mockResolvedValue(userFactory({ isActive: false }));
      passwords.verify.mockResolvedValue(true);

      await expect(sut.login(credentials)).rejects.toMatchObject({ code: 'AUTH_ACCOUNT_DISABLED' });

      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({ action: AuditAction.LoginFailed, metadata: { reason: 'user_inactive', email: credentials.email } }),
      );
      expect(tokens.issue).not.toHaveBeenCalled();
    });

    it('should throw ORGANIZATION_SUSPENDED when the organization is suspended', async () => {
      users.findWithPassword.mockResolvedValue(userFactory());
      passwords.verify.mockResolvedValue(true);
      organizations.getAccessState.mockResolvedValue({ status: OrganizationStatus.Suspended });

      await expect(sut.login(credentials)).rejects.toMatchObject({ code: 'ORGANIZATION_SUSPENDED' });

      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({ action: AuditAction.LoginFailed, metadata: { reason: 'organization_suspended', email: credentials.email } }),
      );
      expect(tokens.issue).not.toHaveBeenCalled();
    });

    it('should throw ORGANIZATION_SUSPENDED when the organization is gone', async () => {
      users.findWithPassword.mockResolvedValue(userFactory());
      passwords.verify.mockResolvedValue(true);
      organizations.getAccessState.mockResolvedValue(null);

      await expect(sut.login(credentials)).rejects.toMatchObject({ code: 'ORGANIZATION_SUSPENDED' });
      expect(tokens.issue).not.toHaveBeenCalled();
    });
  });

  describe('refresh', () => {
    it('should answer the rotated pair with the current user when rotation succeeds', async () => {
      sessions.rotate.mockResolvedValue({ tokens: issued, userId });
      users.findWithPassword.mockResolvedValue(userFactory());

      const response = await sut.refresh('rt_old');

      expect(sessions.rotate).toHaveBeenCalledWith('rt_old');
      expect(users.findWithPassword).toHaveBeenCalledWith({ id: userId });
      expect(response).toMatchObject({ refresh_token: issued.refreshToken, user: { id: userId } });
    });

    it('should throw AUTH_INVALID_REFRESH_TOKEN when the user vanished after rotation', async () => {
      sessions.rotate.mockResolvedValue({ tokens: issued, userId });
      users.findWithPassword.mockResolvedValue(null);

      await expect(sut.refresh('rt_old')).rejects.toMatchObject({ code: 'AUTH_INVALID_REFRESH_TOKEN' });
    });
  });

  describe('logout', () => {
    it('should revoke the access token until its expiry and end the session it belongs to', async () => {
      await sut.logout(actor);

      expect(tokens.revokeAccessToken).toHaveBeenCalledWith(actor.jti, actor.tokenExpiresAt);
      expect(sessions.revokeSession).toHaveBeenCalledWith(userId, actor.sessionId);
      expect(sessions.revokeByToken).not.toHaveBeenCalled();
      expect(audit.record).toHaveBeenCalledWith({
        organizationId,
        actor,
        action: AuditAction.Logout,
        entityType: AuditEntityType.Session,
        entityId: userId,
      });
    });

    it("should also end the refresh token's session when a refresh token is given", async () => {
      await sut.logout(actor, 'rt_session');

      expect(tokens.revokeAccessToken).toHaveBeenCalledWith(actor.jti, actor.tokenExpiresAt);
      expect(sessions.revokeSession).toHaveBeenCalledWith(userId, actor.sessionId);
      expect(sessions.revokeByToken).toHaveBeenCalledWith(userId, 'rt_session');
    });
  });

  describe('logoutAll', () => {
    it('should bump the token version, revoke every refresh token and the current access token', async () => {
      await sut.logoutAll(actor);

      expect(users.bumpTokenVersion).toHaveBeenCalledWith(userId);
      expect(sessions.revokeAllOfUser).toHaveBeenCalledWith(userId, RefreshRevokeReason.LogoutAll);
      expect(tokens.revokeAccessToken).toHaveBeenCalledWith(actor.jti, actor.tokenExpiresAt);
      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({ organizationId, action: AuditAction.LogoutAll, entityType: AuditEntityType.Session, entityId: userId }),
      );
    });
  });

  describe('startSession', () => {
    it('should revoke the old sessions and issue a fresh pair when the user exists', async () => {
      const user = userFactory();
      users.findWithPassword.mockResolvedValue(user);

      const response = await sut.startSession(userId);

      expect(sessions.revokeAllOfUser).toHaveBeenCalledWith(userId, RefreshRevokeReason.AccessRevoked);
      expect(tokens.issue).toHaveBeenCalledWith(user);
      expect(response.access_token).toBe(issued.accessToken);
    });
  });
});
