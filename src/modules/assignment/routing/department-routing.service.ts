import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { ConversationsService } from 'src/modules/conversations/conversations.service';
import { LeadsService } from 'src/modules/leads/leads.service';
import { DepartmentsService, RoutingDepartment } from '../departments/departments.service';
import { AssignmentTrigger } from '../engine/assignment-trigger';
import { ConversationDepartmentEntity } from './conversation-department.entity';
import { DepartmentRouter } from './department-router';
import { DepartmentRouteResponseDto, RouteSource } from './dto/route.dto';
import { matchDepartment } from './keyword-match';
import { LeadDepartmentEntity } from './lead-department.entity';

export interface ManualRoutes {
  conversations: Map<string, string>;
  leads: Map<string, string>;
}

/** Which department a conversation or lead belongs to: routed by hand, else matched from its procedure. */
@Injectable()
export class DepartmentRoutingService {
  constructor(
    @InjectRepository(ConversationDepartmentEntity) private readonly conversationRoutes: Repository<ConversationDepartmentEntity>,
    @InjectRepository(LeadDepartmentEntity) private readonly leadRoutes: Repository<LeadDepartmentEntity>,
    private readonly departments: DepartmentsService,
    private readonly conversations: ConversationsService,
    private readonly leads: LeadsService,
    private readonly trigger: AssignmentTrigger,
  ) {}

  async routeConversation(actor: AuthUser, conversationId: string, departmentId: string | null): Promise<DepartmentRouteResponseDto> {
    const conversation = await this.conversations.findVisible(actor, conversationId);
    const organizationId = actor.organizationId;
    if (departmentId) {
      await this.departments.getInOrganization(organizationId, departmentId);
      await this.conversationRoutes.upsert(
        { organizationId, conversationId: conversation.id, departmentId, routedById: actor.userId },
        { conflictPaths: ['organizationId', 'conversationId'] },
      );
    } else {
      await this.conversationRoutes.delete({ organizationId, conversationId: conversation.id });
    }
    if (!conversation.assignedToId) await this.trigger.request(organizationId, `route-${conversation.id}`);
    return this.describe(organizationId, departmentId, conversation.context.procedure ?? null);
  }

  async routeLead(actor: AuthUser, leadId: string, departmentId: string | null): Promise<DepartmentRouteResponseDto> {
    const lead = await this.leads.findOne(actor, leadId);
    const organizationId = actor.organizationId;
    if (departmentId) {
      await this.departments.getInOrganization(organizationId, departmentId);
      await this.leadRoutes.upsert(
        { organizationId, leadId: lead.id, departmentId, routedById: actor.userId },
        { conflictPaths: ['organizationId', 'leadId'] },
      );
    } else {
      await this.leadRoutes.delete({ organizationId, leadId: lead.id });
    }
    if (!lead.assigned_to_id) await this.trigger.request(organizationId, `route-${lead.id}`);
    return this.describe(organizationId, departmentId, lead.procedure);
  }

  /** Routes the given waiting items: their manual routes and every department, in three queries. */
  async routerFor(organizationId: string, conversationIds: string[], leadIds: string[]): Promise<DepartmentRouter> {
    const [departments, routes] = await Promise.all([
      this.departments.forRouting(organizationId),
      this.manualRoutes(organizationId, conversationIds, leadIds),
    ]);
    return new DepartmentRouter(departments, routes);
  }

  /** The manual routes of these items, in two queries. */
  async manualRoutes(organizationId: string, conversationIds: string[], leadIds: string[]): Promise<ManualRoutes> {
    const [conversations, leads] = await Promise.all([
      conversationIds.length > 0 ? this.conversationRoutes.findBy({ organizationId, conversationId: In(conversationIds) }) : [],
      leadIds.length > 0 ? this.leadRoutes.findBy({ organizationId, leadId: In(leadIds) }) : [],
    ]);
    return {
      conversations: new Map(conversations.map((route) => [route.conversationId, route.departmentId])),
      leads: new Map(leads.map((route) => [route.leadId, route.departmentId])),
    };
  }

  private async describe(organizationId: string, manualId: string | null, procedure: string | null): Promise<DepartmentRouteResponseDto> {
    const departments = await this.departments.forRouting(organizationId);
    const manual = manualId ? departments.find((department) => department.id === manualId) : undefined;
    const department: RoutingDepartment | null = manual ?? matchDepartment(procedure, departments);
    if (!department) return { department_id: null, department_name: null, source: null };
    return { department_id: department.id, department_name: department.name, source: manual ? RouteSource.Manual : RouteSource.Procedure };
  }
}
