import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { isUniqueViolation } from 'src/database/pg-errors';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { diffChanges } from 'src/modules/audit/diff-changes';
import { ChangePasswordDto, UpdateProfileDto } from './dto/user-input.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { PasswordService } from './password.service';
import { UserAccessService } from './user-access.service';
import { UserEntity } from './user.entity';
import { UserErrorCode, UserException } from './users.exceptions';

/** A user's own account: profile and password. */
@Injectable()
export class UserProfileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly access: UserAccessService,
    private readonly audit: AuditService,
  ) {}

  async get(actor: AuthUser): Promise<UserResponseDto> {
    const state = await this.access.getStateOf(actor);
    if (!state || state.organizationId !== actor.organizationId) throw new UserException(UserErrorCode.NotFound, 'User not found');
    return state.profile;
  }

  async update(actor: AuthUser, dto: UpdateProfileDto): Promise<UserResponseDto> {
    const current = await this.load(actor);
    const emailChanges = dto.email !== undefined && dto.email !== current.email;
    if (emailChanges) await this.assertPassword(current, dto.current_password);
    const changes = diffChanges({ name: current.name, email: current.email }, { name: dto.name, email: dto.email });
    if (Object.keys(changes).length === 0) return UserResponseDto.from(current);
    const saved = await this.dataSource.transaction(async (manager) => {
      try {
        await manager.getRepository(UserEntity).update({ id: current.id }, { name: dto.name ?? current.name, email: dto.email ?? current.email });
      } catch (error) {
        if (isUniqueViolation(error)) throw new UserException(UserErrorCode.EmailTaken, 'A user with this email already exists');
        throw error;
      }
      await this.audit.record(
        { organizationId: actor.organizationId, actor, action: AuditAction.UserUpdated, entityType: AuditEntityType.User, entityId: current.id, changes },
        manager,
      );
      return manager.getRepository(UserEntity).findOneByOrFail({ id: current.id });
    });
    await this.access.refresh(current.id);
    return UserResponseDto.from(saved);
  }

  /** Changes the password and signs the user out of every session; the caller issues fresh tokens. */
  async changePassword(actor: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const user = await this.load(actor);
    await this.assertPassword(user, dto.current_password);
    this.passwords.assertPolicy(dto.new_password, user.email);
    const passwordHash = await this.passwords.hash(dto.new_password);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update(
        { id: user.id },
        { passwordHash, passwordChangedAt: new Date(), tokenVersion: () => 'token_version + 1' },
      );
      await this.audit.record(
        { organizationId: actor.organizationId, actor, action: AuditAction.PasswordChanged, entityType: AuditEntityType.User, entityId: user.id },
        manager,
      );
    });
    await this.access.refresh(user.id);
  }

  /** The caller's row with its password hash, for changes that may need the current password. */
  private async load(actor: AuthUser): Promise<UserEntity> {
    const user = await this.access.findWithPassword({ id: actor.userId });
    if (!user || user.organizationId !== actor.organizationId) throw new UserException(UserErrorCode.NotFound, 'User not found');
    return user;
  }

  private async assertPassword(user: UserEntity, password: string | undefined): Promise<void> {
    if (!password || !(await this.passwords.verify(user.passwordHash, password))) {
      throw new UserException(UserErrorCode.WrongPassword, 'current_password is missing or wrong');
    }
  }
}
