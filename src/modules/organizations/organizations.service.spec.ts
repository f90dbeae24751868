import Redis from 'ioredis';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrganizationEntity, OrganizationStatus } from './organization.entity';
import { OrganizationsService } from './organizations.service';
import { PlanCode, PlanEntity } from './plan.entity';
import { PlansService } from './plans.service';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const superAdmin: AuthUser = { userId: 'platform-admin-id', organizationId: 'platform-org-id', role: Role.SuperAdmin, jti: 'jti', sessionId: 'session-1', tokenExpiresAt: 1_900_000_000 };

const freePlan: PlanEntity = { code: PlanCode.Free, name: 'Free', maxUsers: 3, maxWhatsappNumbers: 1, monthlyInboundMessages: 500, monthlyAiTokens: 100_000, sortOrder: 1 };

function organizationFactory(overrides: Partial<OrganizationEntity> = {}): OrganizationEntity {
  return Object.assign(new OrganizationEntity(), {
    id: organizationId,
    name: 'Clínica Exemplo',
    plan: PlanCode.Free,
    status: OrganizationStatus.Active,
    suspendedAt: null,
    suspensionReason: null,
    timezone: 'America/Sao_Paulo',
    locale: 'pt-BR',
    isPlatform: false,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...overrides,
  });
}

describe(OrganizationsService.name, () => {
  let sut: OrganizationsService;
  let organizations: jest.Mocked<Pick<Repository<OrganizationEntity>, 'findOneBy' | 'findOne'>>;
  let managed: jest.Mocked<Pick<Repository<OrganizationEntity>, 'save'>>;
  let transaction: jest.Mock;
  let plans: jest.Mocked<Pick<PlansService, 'get'>>;
  let audit: jest.Mocked<Pick<AuditService, 'record'>>;
  let redis: { get: jest.Mock; set: jest.Mock; del: jest.Mock };
  let events: string[];

  beforeEach(() => {
    events = [];
    organizations = { findOneBy: jest.fn(), findOne: jest.fn() };
    managed = { save: jest.fn() };
    managed.save.mockImplementation(async (entity) => Object.assign(organizationFactory(), entity));
    const manager = { getRepository: jest.fn(() => managed) } as unknown as EntityManager;
    transaction = jest.fn(async (work: (manager: EntityManager) => Promise<unknown>) => {
      const result = await work(manager);
      events.push('commit');
      return result;
    });
    plans = { get: jest.fn().mockResolvedValue(freePlan) };
    audit = { record: jest.fn() };
    redis = { get: jest.fn(), set: jest.fn(async () => void events.push('cache')), del: jest.fn() };
    const keys = { key: (...parts: Array<string | number>) => ['test', ...parts].join(':') };
    sut = new OrganizationsService(
      organizations as unknown as Repository<OrganizationEntity>,
      { transaction } as unknown as DataSource,
      plans as unknown as PlansService,
      audit as unknown as AuditService,
      redis as unknown as Redis,
      keys as unknown as RedisConnectionFactory,
    );
  });

  describe('suspend', () => {
    it('should save the suspension, audit it and then cache the new status when the organization is active', async () => {
      organizations.findOneBy.mockResolvedValue(organizationFactory());

      const response = await sut.suspend(superAdmin, organizationId, { reason: 'Payment overdue' });

      expect(managed.save).toHaveBeenCalledWith(
        expect.objectContaining({ id: organizationId, status: OrganizationStatus.Suspended, suspendedAt: expect.any(Date), suspensionReason: 'Payment overdue' }),
      );
      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({
          organizationId,
          actor: superAdmin,
          action: AuditAction.OrganizationSuspended,
          entityType: AuditEntityType.Organization,
          changes: { status: { old: OrganizationStatus.Active, new: OrganizationStatus.Suspended } },
          metadata: { reason: 'Payment overdue' },
        }),
        expect.anything(),
      );
      // Overwrites (no NX) and only once committed, so the auth guard never sees an uncommitted status.
      expect(redis.set).toHaveBeenCalledWith(`test:auth:org:${organizationId}`, JSON.stringify({ status: OrganizationStatus.Suspended }), 'EX', 300);
      expect(events).toEqual(['commit', 'cache']);
      expect(response).toMatchObject({ id: organizationId, status: OrganizationStatus.Suspended, suspension_reason: 'Payment overdue' });
    });

    it('should throw ORGANIZATION_ALREADY_SUSPENDED when the organization is already suspended', async () => {
      organizations.findOneBy.mockResolvedValue(organizationFactory({ status: OrganizationStatus.Suspended, suspendedAt: new Date() }));

      await expect(sut.suspend(superAdmin, organizationId, { reason: 'Again' })).rejects.toMatchObject({ code: 'ORGANIZATION_ALREADY_SUSPENDED' });

      expect(transaction).not.toHaveBeenCalled();
      expect(redis.set).not.toHaveBeenCalled();
    });

    it('should throw ORGANIZATION_NOT_FOUND when the id is unknown or the platform organization', async () => {
      organizations.findOneBy.mockResolvedValue(null);

      await expect(sut.suspend(superAdmin, organizationId, { reason: 'Payment overdue' })).rejects.toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });

      expect(organizations.findOneBy).toHaveBeenCalledWith({ id: organizationId, isPlatform: false });
      expect(transaction).not.toHaveBeenCalled();
    });
  });

  describe('reactivate', () => {
    it('should clear the suspension and cache the active status when the organization is suspended', async () => {
      organizations.findOneBy.mockResolvedValue(
        organizationFactory({ status: OrganizationStatus.Suspended, suspendedAt: new Date(), suspensionReason: 'Payment overdue' }),
      );

      const response = await sut.reactivate(superAdmin, organizationId);

      expect(managed.save).toHaveBeenCalledWith(
        expect.objectContaining({ status: OrganizationStatus.Active, suspendedAt: null, suspensionReason: null }),
      );
      expect(audit.record).toHaveBeenCalledWith(
        expect.objectContaining({ action: AuditAction.OrganizationReactivated, metadata: null }),
        expect.anything(),
      );
      expect(redis.set).toHaveBeenCalledWith(`test:auth:org:${organizationId}`, JSON.stringify({ status: OrganizationStatus.Active }), 'EX', 300);
      expect(events).toEqual(['commit', 'cache']);
      expect(response).toMatchObject({ status: OrganizationStatus.Active, suspended_at: null, suspension_reason: null });
    });

    it('should throw ORGANIZATION_NOT_SUSPENDED when the organization is active', async () => {
      organizations.findOneBy.mockResolvedValue(organizationFactory());

      await expect(sut.reactivate(superAdmin, organizationId)).rejects.toMatchObject({ code: 'ORGANIZATION_NOT_SUSPENDED' });

      expect(transaction).not.toHaveBeenCalled();
      expect(redis.set).not.toHaveBeenCalled();
    });

    it('should throw ORGANIZATION_NOT_FOUND when the id is unknown or the platform organization', async () => {
      organizations.findOneBy.mockResolvedValue(null);

      await expect(sut.reactivate(superAdmin, organizationId)).rejects.toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });
      expect(organizations.findOneBy).toHaveBeenCalledWith({ id: organizationId, isPlatform: false });
    });
  });

  describe('findOne', () => {
    it('should throw ORGANIZATION_NOT_FOUND when the id is unknown or the platform organization', async () => {
      organizations.findOneBy.mockResolvedValue(null);

      await expect(sut.findOne(organizationId)).rejects.toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });
      expect(organizations.findOneBy).toHaveBeenCalledWith({ id: organizationId, isPlatform: false });
    });

    it('should answer the clinic with its plan limits when it exists', async () => {
      organizations.findOneBy.mockResolvedValue(organizationFactory());

      await expect(sut.findOne(organizationId)).resolves.toMatchObject({ id: organizationId, limits: { max_users: 3 } });
      expect(plans.get).toHaveBeenCalledWith(PlanCode.Free);
    });
  });

  describe('getAccessState', () => {
    it('should answer the cached state without querying when Redis has it', async () => {
      redis.get.mockResolvedValue(JSON.stringify({ status: OrganizationStatus.Suspended }));

      await expect(sut.getAccessState(organizationId)).resolves.toEqual({ status: OrganizationStatus.Suspended });

      expect(redis.get).toHaveBeenCalledWith(`test:auth:org:${organizationId}`);
      expect(organizations.findOne).not.toHaveBeenCalled();
    });

    it('should load the status and fill the cache only if still empty when Redis misses', async () => {
      redis.get.mockResolvedValue(null);
      organizations.findOne.mockResolvedValue(organizationFactory());

      await expect(sut.getAccessState(organizationId)).resolves.toEqual({ status: OrganizationStatus.Active });

      expect(redis.set).toHaveBeenCalledWith(`test:auth:org:${organizationId}`, JSON.stringify({ status: OrganizationStatus.Active }), 'EX', 300, 'NX');
    });
  });
});
