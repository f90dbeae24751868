import { Injectable } from '@nestjs/common';
import { hasPermission, Permission } from 'src/common/auth/permissions';
import { Role } from 'src/common/auth/role.enum';
import { UserAccessService } from 'src/modules/users/user-access.service';

export interface DirectoryUser {
  userId: string;
  name: string;
  role: Role;
  isActive: boolean;
}

/**
 * Who a user is, read through the users module's cached access state (refreshed on every committed change
 * to a user), scoped to one organization: another clinic's user is simply unknown.
 */
@Injectable()
export class SecretaryDirectory {
  constructor(private readonly access: UserAccessService) {}

  async find(organizationId: string, userId: string): Promise<DirectoryUser | null> {
    const state = await this.access.getState(userId);
    if (!state || state.organizationId !== organizationId) return null;
    return { userId, name: state.profile.name, role: state.role, isActive: state.isActive };
  }

  /** Only secretaries are picked by the engine; admins supervise and claim by hand. */
  async isActiveSecretary(organizationId: string, userId: string): Promise<boolean> {
    const user = await this.find(organizationId, userId);
    return user !== null && user.isActive && user.role === Role.Secretary;
  }

  /** False once the user is gone, deactivated, or holds a role that cannot answer patients: her items go back to the queue. */
  async canKeepWork(organizationId: string, userId: string): Promise<boolean> {
    const user = await this.find(organizationId, userId);
    return user !== null && user.isActive && hasPermission(user.role, Permission.MessagesSend);
  }
}
