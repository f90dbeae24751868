import { Injectable } from '@nestjs/common';
import { Role } from 'src/common/auth/role.enum';
import { UserAccessService } from 'src/modules/users/user-access.service';
import { LeadErrorCode, LeadException } from './leads.exceptions';

/** Who may own a lead: an active admin or secretary of the lead's organization (viewers only read). */
const ASSIGNABLE_ROLES: readonly Role[] = [Role.Admin, Role.Secretary];

@Injectable()
export class LeadAssignees {
  constructor(private readonly users: UserAccessService) {}

  async assertAssignable(organizationId: string, userId: string): Promise<void> {
    const state = await this.users.getState(userId);
    if (!state || state.organizationId !== organizationId || !state.isActive || !ASSIGNABLE_ROLES.includes(state.role)) {
      throw new LeadException(LeadErrorCode.InvalidAssignee, 'The assignee must be an active admin or secretary of this organization', {
        assigned_to_id: userId,
      });
    }
  }
}
