import { ManualRoutes } from './department-routing.service';
import { matchDepartment } from './keyword-match';

export interface RouterDepartment {
  id: string;
  name: string;
  keywords: string[];
  memberIds: string[];
}

/**
 * Who may take an item: the members of its department (routed by hand, else matched from its procedure),
 * or anyone (null) when no department applies. A department with no eligible member keeps the item waiting
 * rather than handing it to someone outside the specialty.
 */
export class DepartmentRouter {
  private readonly byId: Map<string, RouterDepartment>;

  constructor(
    private readonly departments: readonly RouterDepartment[],
    private readonly routes: ManualRoutes,
  ) {
    this.byId = new Map(departments.map((department) => [department.id, department]));
  }

  conversationMembers(conversationId: string, procedure: string | null): ReadonlySet<string> | null {
    return this.membersOf(this.routes.conversations.get(conversationId), procedure);
  }

  leadMembers(leadId: string, procedure: string | null): ReadonlySet<string> | null {
    return this.membersOf(this.routes.leads.get(leadId), procedure);
  }

  private membersOf(manualId: string | undefined, procedure: string | null): ReadonlySet<string> | null {
    const department = (manualId ? this.byId.get(manualId) : undefined) ?? matchDepartment(procedure, this.departments);
    return department ? new Set(department.memberIds) : null;
  }
}
