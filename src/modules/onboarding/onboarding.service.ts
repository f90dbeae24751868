import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { AuthService } from 'src/modules/auth/auth.service';
import { PlanCode } from 'src/modules/organizations/plan.entity';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { UserResponseDto } from 'src/modules/users/dto/user-response.dto';
import { NewAccountDto } from 'src/modules/users/dto/user-input.dto';
import { UsersService } from 'src/modules/users/users.service';
import { NewOrganizationDto } from 'src/modules/organizations/dto/manage-organization.dto';
import { CreatedOrganizationResponseDto, CreateOrganizationDto, RegisterDto, RegisterResponseDto } from './onboarding.dto';

/** A new clinic and its first admin, created together or not at all. */
@Injectable()
export class OnboardingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** Self-service sign-up: always the free plan; the new admin is logged in. */
  async register(dto: RegisterDto): Promise<RegisterResponseDto> {
    const { organizationId, adminId } = await this.createClinic(
      { name: dto.organization_name, plan: PlanCode.Free, timezone: dto.timezone, locale: dto.locale },
      { name: dto.name, email: dto.email, password: dto.password },
      null,
    );
    const session = await this.auth.startSession(adminId);
    return { ...session, organization: await this.organizations.findOne(organizationId) };
  }

  async createByPlatform(actor: AuthUser, dto: CreateOrganizationDto): Promise<CreatedOrganizationResponseDto> {
    const { admin, ...organization } = dto;
    const created = await this.createClinic(organization, admin, actor);
    return { organization: await this.organizations.findOne(created.organizationId), admin: UserResponseDto.from(created.admin) };
  }

  private createClinic(organization: NewOrganizationDto, admin: NewAccountDto, actor: AuthUser | null) {
    return this.dataSource.transaction(async (manager) => {
      const created = await this.organizations.createInTransaction(manager, organization, actor);
      const user = await this.users.createInTransaction(manager, created.id, { ...admin, role: Role.Admin }, actor);
      if (!actor) {
        await this.audit.record(
          { organizationId: created.id, actor: { userId: user.id, role: Role.Admin }, action: AuditAction.Registered, entityType: AuditEntityType.Organization, entityId: created.id },
          manager,
        );
      }
      return { organizationId: created.id, adminId: user.id, admin: user };
    });
  }
}
