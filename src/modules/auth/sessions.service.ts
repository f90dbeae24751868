import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan, Repository } from 'typeorm';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrganizationStatus } from 'src/modules/organizations/organization.entity';
import { OrganizationErrorCode, OrganizationException } from 'src/modules/organizations/organizations.exceptions';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { UserAccessService } from 'src/modules/users/user-access.service';
import { AuthErrorCode, AuthException } from './auth.exceptions';
import { RefreshRevokeReason, RefreshTokenEntity } from './refresh-token.entity';
import { hashRefreshToken, IssuedTokens, TokenService } from './token.service';

type RotationOutcome =
  | { kind: 'rotated'; tokens: IssuedTokens; userId: string }
  | { kind: 'reused'; row: RefreshTokenEntity }
  | { kind: 'invalid' }
  | { kind: 'suspended' };

/** Refresh-token sessions: rotation with reuse detection, and revocation. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly users: UserAccessService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Exchanges a refresh token for a new pair. Each token works once: presenting a rotated one means it
   * was copied, so the whole family (session) is revoked and both holders must log in again.
   */
  async rotate(refreshToken: string): Promise<{ tokens: IssuedTokens; userId: string }> {
    // Decisions are committed first and thrown after, so a detected reuse is never rolled back.
    const outcome = await this.dataSource.transaction((manager) => this.rotateInTransaction(manager, refreshToken));
    switch (outcome.kind) {
      case 'rotated':
        return { tokens: outcome.tokens, userId: outcome.userId };
      case 'reused':
        await this.tokens.revokeSessionAccess(outcome.row.familyId);
        await this.audit.record({
          organizationId: outcome.row.organizationId,
          actor: { userId: outcome.row.userId },
          action: AuditAction.RefreshReuseDetected,
          entityType: AuditEntityType.Session,
          entityId: outcome.row.familyId,
        });
        throw new AuthException(AuthErrorCode.RefreshTokenReused, 'Refresh token was already used; the session has been revoked');
      case 'suspended':
        throw new OrganizationException(OrganizationErrorCode.Suspended, 'Organization is suspended');
      case 'invalid':
        throw new AuthException(AuthErrorCode.InvalidRefreshToken, 'Refresh token is invalid or expired');
    }
  }

  /** Ends the session a refresh token belongs to, if it is the caller's. */
  async revokeByToken(userId: string, refreshToken: string): Promise<void> {
    const row = await this.refreshTokens.findOneBy({ tokenHash: hashRefreshToken(refreshToken), userId });
    if (row) await this.revokeSession(userId, row.familyId);
  }

  /** Ends one login session of the user: its refresh tokens and its live access tokens. */
  async revokeSession(userId: string, sessionId: string): Promise<void> {
    await this.refreshTokens.update({ familyId: sessionId, userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: RefreshRevokeReason.Logout });
    await this.tokens.revokeSessionAccess(sessionId);
  }

  async revokeAllOfUser(userId: string, reason: RefreshRevokeReason, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }

  /** Housekeeping: drops tokens that expired more than `graceDays` ago. */
  async purgeExpired(graceDays: number): Promise<number> {
    const cutoff = new Date(Date.now() - graceDays * 86_400_000);
    const result = await this.refreshTokens.delete({ expiresAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }

  private async rotateInTransaction(manager: EntityManager, refreshToken: string): Promise<RotationOutcome> {
    const repository = manager.getRepository(RefreshTokenEntity);
    // The row lock makes two concurrent uses of one token take turns: the second sees it rotated.
    const row = await repository.findOne({ where: { tokenHash: hashRefreshToken(refreshToken) }, lock: { mode: 'pessimistic_write' } });
    if (!row) return { kind: 'invalid' };
    if (row.revokedAt) {
      if (row.revokedReason !== RefreshRevokeReason.Rotated) return { kind: 'invalid' };
      await this.revokeFamily(manager, row.familyId, RefreshRevokeReason.ReuseDetected);
      return { kind: 'reused', row };
    }
    if (row.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' };

    const user = await this.users.getState(row.userId);
    if (!user || !user.isActive || user.tokenVersion !== row.tokenVersion) {
      await this.revokeFamily(manager, row.familyId, RefreshRevokeReason.AccessRevoked);
      return { kind: 'invalid' };
    }
    const organization = await this.organizations.getAccessState(row.organizationId);
    if (organization?.status !== OrganizationStatus.Active) return { kind: 'suspended' };

    const tokens = await this.tokens.issue(
      { id: row.userId, organizationId: row.organizationId, role: user.role, tokenVersion: user.tokenVersion },
      { manager, familyId: row.familyId },
    );
    await repository.update({ id: row.id }, { revokedAt: new Date(), revokedReason: RefreshRevokeReason.Rotated, replacedById: tokens.refreshTokenId });
    return { kind: 'rotated', tokens, userId: row.userId };
  }

  private async revokeFamily(manager: EntityManager, familyId: string, reason: RefreshRevokeReason): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedReason: reason });
  }
}
