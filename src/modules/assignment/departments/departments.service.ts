import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { findPage, Page } from 'src/common/pagination';
import { escapeLike } from 'src/database/escape-like';
import { isUniqueViolation } from 'src/database/pg-errors';
import { AssignmentErrorCode, AssignmentException, departmentNotFound } from '../assignment.exceptions';
import { SecretaryDirectory } from '../secretary-directory';
import { DepartmentMemberEntity } from './department-member.entity';
import { DepartmentEntity } from './department.entity';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department-input.dto';
import { DepartmentResponseDto } from './dto/department-response.dto';
import { ListDepartmentsQueryDto } from './dto/list-departments-query.dto';

const SORT_COLUMNS = { name: 'department.name', created_at: 'department.created_at' } as const;

/** What the engine needs of a department to route and pick. */
export interface RoutingDepartment {
  id: string;
  name: string;
  keywords: string[];
  memberIds: string[];
}

/** Admins manage the clinic's departments; every member reads them. */
@Injectable()
export class DepartmentsService {
  constructor(
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    @InjectRepository(DepartmentMemberEntity) private readonly members: Repository<DepartmentMemberEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly directory: SecretaryDirectory,
  ) {}

  async list(actor: AuthUser, query: ListDepartmentsQueryDto): Promise<Page<DepartmentResponseDto>> {
    const qb = this.departments.createQueryBuilder('department').where('department.organization_id = :org', { org: actor.organizationId });
    if (query.search) qb.andWhere('department.name ILIKE :search', { search: `%${escapeLike(query.search)}%` });
    if (query.member_id) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM department_members m WHERE m.organization_id = department.organization_id AND m.department_id = department.id AND m.user_id = :member)',
        { member: query.member_id },
      );
    }
    const page = await findPage(qb, query, SORT_COLUMNS);
    const memberIds = await this.memberIdsOf(actor.organizationId, page.items.map((department) => department.id));
    return { ...page, items: page.items.map((department) => DepartmentResponseDto.from(department, memberIds.get(department.id) ?? [])) };
  }

  async findOne(actor: AuthUser, id: string): Promise<DepartmentResponseDto> {
    const department = await this.getScoped(this.departments, actor.organizationId, id);
    const memberIds = await this.memberIdsOf(actor.organizationId, [id]);
    return DepartmentResponseDto.from(department, memberIds.get(id) ?? []);
  }

  async create(actor: AuthUser, dto: CreateDepartmentDto): Promise<DepartmentResponseDto> {
    const memberIds = dto.member_ids ?? [];
    await this.assertSecretaries(actor.organizationId, memberIds);
    const department = await this.writeUnique(async (manager) => {
      const repository = manager.getRepository(DepartmentEntity);
      const created = await repository.save(
        repository.create({ organizationId: actor.organizationId, name: dto.name, description: dto.description ?? null, keywords: dto.keywords ?? [] }),
      );
      await this.replaceMembers(manager, actor.organizationId, created.id, memberIds);
      return created;
    });
    return DepartmentResponseDto.from(department, memberIds);
  }

  async update(actor: AuthUser, id: string, dto: UpdateDepartmentDto): Promise<DepartmentResponseDto> {
    if (dto.member_ids) await this.assertSecretaries(actor.organizationId, dto.member_ids);
    const department = await this.writeUnique(async (manager) => {
      const repository = manager.getRepository(DepartmentEntity);
      const current = await this.getScoped(repository, actor.organizationId, id);
      if (dto.name !== undefined) current.name = dto.name;
      if (dto.description !== undefined) current.description = dto.description;
      if (dto.keywords !== undefined) current.keywords = dto.keywords;
      const saved = await repository.save(current);
      if (dto.member_ids) await this.replaceMembers(manager, actor.organizationId, id, dto.member_ids);
      return saved;
    });
    return this.findOne(actor, department.id);
  }

  /** Its members and manual routes go with it; routed items fall back to procedure matching. */
  async remove(actor: AuthUser, id: string): Promise<void> {
    const result = await this.departments.delete({ id, organizationId: actor.organizationId });
    if (!result.affected) throw departmentNotFound();
  }

  /** Every department of the organization with its keywords and members, for the engine. */
  async forRouting(organizationId: string): Promise<RoutingDepartment[]> {
    const departments = await this.departments.find({ where: { organizationId }, order: { name: 'ASC' } });
    const memberIds = await this.memberIdsOf(organizationId, departments.map((department) => department.id));
    return departments.map((department) => ({
      id: department.id,
      name: department.name,
      keywords: department.keywords,
      memberIds: memberIds.get(department.id) ?? [],
    }));
  }

  /** The department when it belongs to the organization, else DEPARTMENT_NOT_FOUND. */
  async getInOrganization(organizationId: string, id: string): Promise<DepartmentEntity> {
    return this.getScoped(this.departments, organizationId, id);
  }

  private async getScoped(repository: Repository<DepartmentEntity>, organizationId: string, id: string): Promise<DepartmentEntity> {
    const department = await repository.findOneBy({ id, organizationId });
    if (!department) throw departmentNotFound();
    return department;
  }

  private async memberIdsOf(organizationId: string, departmentIds: string[]): Promise<Map<string, string[]>> {
    const byDepartment = new Map<string, string[]>();
    if (departmentIds.length === 0) return byDepartment;
    const rows = await this.members.find({
      where: { organizationId, departmentId: In(departmentIds) },
      select: { departmentId: true, userId: true },
      order: { createdAt: 'ASC', userId: 'ASC' },
    });
    for (const row of rows) byDepartment.set(row.departmentId, [...(byDepartment.get(row.departmentId) ?? []), row.userId]);
    return byDepartment;
  }

  private async replaceMembers(manager: EntityManager, organizationId: string, departmentId: string, userIds: string[]): Promise<void> {
    const repository = manager.getRepository(DepartmentMemberEntity);
    await repository.delete({ organizationId, departmentId });
    if (userIds.length > 0) await repository.insert(userIds.map((userId) => ({ organizationId, departmentId, userId })));
  }

  // Members are checked before the write: another clinic's user id must look like a user that does not exist.
  private async assertSecretaries(organizationId: string, userIds: string[]): Promise<void> {
    const checks = await Promise.all(userIds.map(async (userId) => ((await this.directory.isActiveSecretary(organizationId, userId)) ? null : userId)));
    const invalid = checks.filter((userId): userId is string => userId !== null);
    if (invalid.length > 0) {
      throw new AssignmentException(AssignmentErrorCode.DepartmentInvalidMember, 'Every member must be an active secretary of the organization', {
        invalid_member_ids: invalid,
      });
    }
  }

  private async writeUnique<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_departments_org_name')) {
        throw new AssignmentException(AssignmentErrorCode.DepartmentNameTaken, 'A department with this name already exists');
      }
      throw error;
    }
  }
}
