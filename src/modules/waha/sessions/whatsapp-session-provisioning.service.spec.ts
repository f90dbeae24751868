import { Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { Role } from 'src/common/auth/role.enum';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { wahaConfig } from 'src/config/waha.config';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { PlanCode, PlanEntity } from 'src/modules/organizations/plan.entity';
import { PlansService } from 'src/modules/organizations/plans.service';
import { WahaClient } from '../client/waha.client';
import { WahaClientError, WahaServerError } from '../client/waha.errors';
import { WhatsappSessionEntity } from './whatsapp-session.entity';
import { WhatsappSessionProvisioningService } from './whatsapp-session-provisioning.service';

const organizationId = '3f9a4c1e-8d2b-4a51-9c3e-7b1d2e4f5a60';
const admin: AuthUser = { userId: 'admin-id', organizationId, role: Role.Admin, jti: 'jti', sessionId: 's', tokenExpiresAt: 1_900_000_000 };
const starter: PlanEntity = { code: PlanCode.Starter, name: 'Starter', maxUsers: 5, maxWhatsappNumbers: 1, monthlyInboundMessages: 3_000, monthlyAiTokens: 1_000_000, sortOrder: 2 };
const WEBHOOK_URL = 'https://api.robbot.example/api/v1/webhooks/waha';

type RepositoryMock = jest.Mocked<Pick<Repository<WhatsappSessionEntity>, 'countBy' | 'existsBy' | 'create' | 'insert' | 'update' | 'delete' | 'findOneByOrFail'>>;

describe(WhatsappSessionProvisioningService.name, () => {
  let sut: WhatsappSessionProvisioningService;
  let repository: RepositoryMock;
  let waha: jest.Mocked<Pick<WahaClient, 'createSession' | 'deleteSession'>>;
  let cipher: jest.Mocked<Pick<SecretCipher, 'encrypt'>>;
  let audit: jest.Mocked<Pick<AuditService, 'record'>>;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(() => {
    repository = {
      countBy: jest.fn().mockResolvedValue(0),
      existsBy: jest.fn().mockResolvedValue(false),
      create: jest.fn((fields) => Object.assign(new WhatsappSessionEntity(), { id: 'new-session-id' }, fields)),
      insert: jest.fn(),
      update: jest.fn(),
      delete: jest.fn(),
      findOneByOrFail: jest.fn(async () => Object.assign(new WhatsappSessionEntity(), { id: 'new-session-id', name: '3f9a4c1e8d2b-main', status: 'STARTING', restartAttempts: 0, createdAt: new Date(), displayName: null, meId: null, mePushName: null, statusChangedAt: new Date(), lastCheckedAt: null })),
    } as unknown as RepositoryMock;
    const manager = { getRepository: jest.fn(() => repository) } as unknown as EntityManager;
    const dataSource = { transaction: jest.fn(async (work: (m: EntityManager) => Promise<unknown>) => work(manager)), getRepository: jest.fn(() => repository) };
    waha = { createSession: jest.fn().mockResolvedValue({ name: '3f9a4c1e8d2b-main', status: 'STARTING', me: null }), deleteSession: jest.fn() };
    cipher = { encrypt: jest.fn((plain: string) => `sealed(${plain.length})`) };
    audit = { record: jest.fn() };
    sut = new WhatsappSessionProvisioningService(
      dataSource as unknown as DataSource,
      { lockForUpdate: jest.fn(), getPlanOf: jest.fn().mockResolvedValue(starter) } as unknown as OrganizationsService,
      new PlansService({} as Repository<PlanEntity>),
      waha as unknown as WahaClient,
      cipher as unknown as SecretCipher,
      audit as unknown as AuditService,
      { ...wahaConfig(), webhookUrl: WEBHOOK_URL } as ConfigType<typeof wahaConfig>,
    );
  });

  describe('create', () => {
    it('should seal a fresh 32-byte key and give WAHA the same key in the webhook config', async () => {
      await sut.create(admin, {});

      const { name, config } = waha.createSession.mock.calls[0][0];
      expect(name).toBe('3f9a4c1e8d2b-main');
      const key = config?.webhooks?.[0].hmac?.key ?? '';
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(cipher.encrypt).toHaveBeenCalledWith(key);
      expect(repository.create).toHaveBeenCalledWith(expect.objectContaining({ hmacKeyEncrypted: 'sealed(64)' }));
      expect(config?.webhooks?.[0].url).toBe(WEBHOOK_URL);
      expect(config?.metadata).toEqual({ 'robbot.organization_id': organizationId });
    });

    it('should refuse past the plan’s numbers before reserving anything', async () => {
      repository.countBy.mockResolvedValue(1);

      await expect(sut.create(admin, { label: 'second' })).rejects.toMatchObject({ code: 'PLAN_LIMIT_REACHED' });
      expect(repository.insert).not.toHaveBeenCalled();
      expect(waha.createSession).not.toHaveBeenCalled();
    });

    it('should delete the reserved row and answer WAHA_UNAVAILABLE when WAHA fails', async () => {
      waha.createSession.mockRejectedValue(new WahaServerError({ operation: 'createSession', status: 503 }));

      await expect(sut.create(admin, {})).rejects.toMatchObject({ code: 'WAHA_UNAVAILABLE', status: 502 });
      expect(repository.delete).toHaveBeenCalledWith({ id: 'new-session-id' });
      expect(audit.record).not.toHaveBeenCalled();
    });

    it('should answer WHATSAPP_SESSION_EXISTS when WAHA already has the name', async () => {
      waha.createSession.mockRejectedValue(
        new WahaClientError({ operation: 'createSession', status: 422, wahaMessage: "Session '3f9a4c1e8d2b-main' already exists. Use PUT to update it." }),
      );

      await expect(sut.create(admin, {})).rejects.toMatchObject({ code: 'WHATSAPP_SESSION_EXISTS', status: 409 });
      expect(repository.delete).toHaveBeenCalledWith({ id: 'new-session-id' });
    });

    it('should pass on any other refusal as WAHA_REJECTED with WAHA’s message', async () => {
      waha.createSession.mockRejectedValue(new WahaClientError({ operation: 'createSession', status: 422, wahaMessage: "WAHA Core support only 'default' session" }));

      await expect(sut.create(admin, {})).rejects.toMatchObject({ code: 'WAHA_REJECTED', details: { waha_message: "WAHA Core support only 'default' session" } });
    });
  });
});
