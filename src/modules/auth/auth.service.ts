import { Injectable, Logger } from '@nestjs/common';
import { AuthUser } from 'src/common/auth/auth-user';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrganizationStatus } from 'src/modules/organizations/organization.entity';
import { OrganizationErrorCode, OrganizationException } from 'src/modules/organizations/organizations.exceptions';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { UserResponseDto } from 'src/modules/users/dto/user-response.dto';
import { PasswordService } from 'src/modules/users/password.service';
import { UserAccessService } from 'src/modules/users/user-access.service';
import { UserEntity } from 'src/modules/users/user.entity';
import { AuthErrorCode, AuthException } from './auth.exceptions';
import { LoginDto, TokenPairResponseDto } from './dto/auth.dto';
import { RefreshRevokeReason } from './refresh-token.entity';
import { SessionsService } from './sessions.service';
import { IssuedTokens, TokenService } from './token.service';

type LoginFailure = 'unknown_email' | 'invalid_password' | 'user_inactive' | 'organization_suspended';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UserAccessService,
    private readonly passwords: PasswordService,
    private readonly organizations: OrganizationsService,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto): Promise<TokenPairResponseDto> {
    const user = await this.users.findWithPassword({ email: dto.email });
    // Verify even for an unknown email, so response time does not reveal which emails exist.
    const passwordOk = await this.passwords.verify(user?.passwordHash ?? null, dto.password);
    if (!user) return this.failLogin(null, dto.email, 'unknown_email');
    if (!passwordOk) return this.failLogin(user, dto.email, 'invalid_password');
    if (!user.isActive) return this.failLogin(user, dto.email, 'user_inactive');
    const organization = await this.organizations.getAccessState(user.organizationId);
    if (organization?.status !== OrganizationStatus.Active) return this.failLogin(user, dto.email, 'organization_suspended');

    const tokens = await this.tokens.issue(user);
    await this.users.recordLogin(user.id);
    await this.audit.record({
      organizationId: user.organizationId,
      actor: { userId: user.id, role: user.role },
      action: AuditAction.LoginSucceeded,
      entityType: AuditEntityType.User,
      entityId: user.id,
    });
    return this.toResponse(tokens, { ...user, lastLoginAt: new Date() });
  }

  async refresh(refreshToken: string): Promise<TokenPairResponseDto> {
    const { tokens, userId } = await this.sessions.rotate(refreshToken);
    const user = await this.users.findWithPassword({ id: userId });
    if (!user) throw new AuthException(AuthErrorCode.InvalidRefreshToken, 'Refresh token is invalid or expired');
    return this.toResponse(tokens, user);
  }

  async logout(actor: AuthUser, refreshToken?: string): Promise<void> {
    await this.tokens.revokeAccessToken(actor.jti, actor.tokenExpiresAt);
    await this.sessions.revokeSession(actor.userId, actor.sessionId);
    if (refreshToken) await this.sessions.revokeByToken(actor.userId, refreshToken);
    await this.audit.record({
      organizationId: actor.organizationId,
      actor,
      action: AuditAction.Logout,
      entityType: AuditEntityType.Session,
      entityId: actor.userId,
    });
  }

  /** Ends every session of the user: all refresh tokens and, through the token version, all access tokens. */
  async logoutAll(actor: AuthUser): Promise<void> {
    await this.users.bumpTokenVersion(actor.userId);
    await this.sessions.revokeAllOfUser(actor.userId, RefreshRevokeReason.LogoutAll);
    await this.tokens.revokeAccessToken(actor.jti, actor.tokenExpiresAt);
    await this.audit.record({
      organizationId: actor.organizationId,
      actor,
      action: AuditAction.LogoutAll,
      entityType: AuditEntityType.Session,
      entityId: actor.userId,
    });
  }

  /** Starts a new session for a user who just proved who they are (password change, registration). */
  async startSession(userId: string): Promise<TokenPairResponseDto> {
    const user = await this.users.findWithPassword({ id: userId });
    if (!user) throw new AuthException(AuthErrorCode.InvalidCredentials, 'Invalid email or password');
    await this.sessions.revokeAllOfUser(user.id, RefreshRevokeReason.AccessRevoked);
    return this.toResponse(await this.tokens.issue(user), user);
  }

  private async failLogin(user: UserEntity | null, email: string, reason: LoginFailure): Promise<never> {
    await this.audit.record({
      organizationId: user?.organizationId ?? null,
      actor: user ? { userId: user.id, role: user.role } : null,
      action: AuditAction.LoginFailed,
      entityType: AuditEntityType.User,
      entityId: user?.id ?? null,
      metadata: { reason, email },
    });
    this.logger.warn({ reason, userId: user?.id }, 'login failed');
    if (reason === 'organization_suspended') {
      throw new OrganizationException(OrganizationErrorCode.Suspended, 'Organization is suspended');
    }
    if (reason === 'user_inactive') throw new AuthException(AuthErrorCode.AccountDisabled, 'This account is deactivated');
    throw new AuthException(AuthErrorCode.InvalidCredentials, 'Invalid email or password');
  }

  private toResponse(tokens: IssuedTokens, user: UserEntity): TokenPairResponseDto {
    return {
      access_token: tokens.accessToken,
      token_type: 'Bearer',
      expires_in: tokens.expiresIn,
      refresh_token: tokens.refreshToken,
      refresh_expires_at: tokens.refreshExpiresAt.toISOString(),
      user: UserResponseDto.from(user),
    };
  }
}
