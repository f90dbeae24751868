import { Injectable } from '@nestjs/common';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { UsersService } from 'src/modules/users/users.service';
import { ConversationWorkflowErrorCode, ConversationWorkflowException } from '../workflow/workflow.exceptions';

const ASSIGNABLE_ROLES: readonly Role[] = [Role.Secretary, Role.Admin];

/** Who may receive a conversation: an active secretary or admin of the caller's clinic. */
@Injectable()
export class AssigneeValidator {
  constructor(private readonly users: UsersService) {}

  /** 404 USER_NOT_FOUND for a missing or another clinic's user; 422 for a viewer or a deactivated account. */
  async assertAssignable(actor: AuthUser, userId: string): Promise<void> {
    const user = await this.users.findOne(actor, userId);
    if (!user.is_active || !ASSIGNABLE_ROLES.includes(user.role)) {
      throw new ConversationWorkflowException(ConversationWorkflowErrorCode.InvalidAssignee, 'Conversations go only to active secretaries and admins', {
        user_id: userId,
        role: user.role,
        is_active: user.is_active,
      });
    }
  }
}
