import { randomBytes } from 'node:crypto';
import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { wahaConfig } from 'src/config/waha.config';
import { isUniqueViolation } from 'src/database/pg-errors';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { OrganizationsService } from 'src/modules/organizations/organizations.service';
import { PlansService } from 'src/modules/organizations/plans.service';
import { WahaClient } from '../client/waha.client';
import { WahaClientError } from '../client/waha.errors';
import { WahaSessionConfig, WahaSessionInfo } from '../client/waha.types';
import { fromWahaError, isWahaNotFound, sessionNotFound, WahaErrorCode, WahaException } from '../waha.exceptions';
import { CreateWhatsappSessionDto } from './dto/whatsapp-session-input.dto';
import { WhatsappSessionResponseDto } from './dto/whatsapp-session-response.dto';
import { WhatsappSessionEntity, WhatsappSessionStatus } from './whatsapp-session.entity';
import { DEFAULT_SESSION_LABEL, meFields, storedStatus, wahaSessionName } from './whatsapp-session.rules';

const HMAC_KEY_BYTES = 32;
/** What Robbot listens to; `message.any` also brings what staff type on the phone. */
export const WEBHOOK_EVENTS = ['message', 'message.any', 'message.ack', 'session.status', 'message.revoked'];
export const ORGANIZATION_METADATA_KEY = 'robbot.organization_id';

/** Adding and removing a clinic's numbers: the plan limit, the WAHA session and its webhook secret. */
@Injectable()
export class WhatsappSessionProvisioningService {
  private readonly logger = new Logger(WhatsappSessionProvisioningService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly plans: PlansService,
    private readonly waha: WahaClient,
    private readonly cipher: SecretCipher,
    private readonly audit: AuditService,
    @Inject(wahaConfig.KEY) private readonly config: ConfigType<typeof wahaConfig>,
  ) {}

  /**
   * The row is reserved first (under the organization lock, so the plan limit and the name hold against
   * concurrent requests), then WAHA creates the session; if WAHA fails the row is deleted again.
   */
  async create(actor: AuthUser, dto: CreateWhatsappSessionDto): Promise<WhatsappSessionResponseDto> {
    const label = dto.label ?? DEFAULT_SESSION_LABEL;
    const name = wahaSessionName(actor.organizationId, label);
    const hmacKey = randomBytes(HMAC_KEY_BYTES).toString('hex');
    const reserved = await this.reserve(actor.organizationId, name, dto.display_name ?? null, hmacKey);
    const at = new Date();
    let info: WahaSessionInfo;
    try {
      info = await this.waha.createSession({ name, start: true, config: this.sessionConfig(actor.organizationId, hmacKey) });
    } catch (error) {
      await this.dataSource.getRepository(WhatsappSessionEntity).delete({ id: reserved.id });
      throw this.creationError(error, name);
    }
    const saved = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(WhatsappSessionEntity);
      await repository.update({ id: reserved.id }, { status: storedStatus(info.status), statusChangedAt: at, ...(info.me?.id ? meFields(info.me) : {}) });
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: AuditAction.WhatsappSessionCreated,
          entityType: AuditEntityType.WhatsappSession,
          entityId: reserved.id,
          metadata: { name, label, display_name: reserved.displayName },
        },
        manager,
      );
      return repository.findOneByOrFail({ id: reserved.id });
    });
    return WhatsappSessionResponseDto.from(saved);
  }

  /** Deletes the WAHA session (which also unlinks the phone), then soft-deletes ours: messages point at it. */
  async remove(actor: AuthUser, name: string): Promise<void> {
    const session = await this.dataSource.getRepository(WhatsappSessionEntity).findOneBy({ organizationId: actor.organizationId, name });
    if (!session) throw sessionNotFound();
    try {
      await this.waha.deleteSession(name);
    } catch (error) {
      if (!isWahaNotFound(error)) throw fromWahaError(error);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(WhatsappSessionEntity).softRemove(session);
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actor,
          action: AuditAction.WhatsappSessionDeleted,
          entityType: AuditEntityType.WhatsappSession,
          entityId: session.id,
          metadata: { name, display_name: session.displayName },
        },
        manager,
      );
    });
  }

  private async reserve(organizationId: string, name: string, displayName: string | null, hmacKey: string): Promise<WhatsappSessionEntity> {
    return this.dataSource.transaction(async (manager) => {
      await this.organizations.lockForUpdate(manager, organizationId);
      const repository = manager.getRepository(WhatsappSessionEntity);
      const plan = await this.organizations.getPlanOf(organizationId, manager);
      this.plans.assertWithinLimit(plan, 'maxWhatsappNumbers', await repository.countBy({ organizationId }));
      if (await repository.existsBy({ name })) throw sessionExists(name);
      const session = repository.create({
        organizationId,
        name,
        displayName,
        status: WhatsappSessionStatus.Stopped,
        hmacKeyEncrypted: this.cipher.encrypt(hmacKey),
      });
      try {
        await repository.insert(session);
      } catch (error) {
        if (isUniqueViolation(error)) throw sessionExists(name);
        throw error;
      }
      return session;
    });
  }

  private sessionConfig(organizationId: string, hmacKey: string): WahaSessionConfig {
    return {
      webhooks: [
        {
          url: this.config.webhookUrl,
          events: WEBHOOK_EVENTS,
          hmac: { key: hmacKey },
          retries: { policy: 'exponential', delaySeconds: 2, attempts: 15 },
        },
      ],
      metadata: { [ORGANIZATION_METADATA_KEY]: organizationId },
      // Groups, channels, broadcasts and status stories are not patients.
      ignore: { status: true, groups: true, channels: true, broadcast: true },
    };
  }

  private creationError(error: unknown, name: string): unknown {
    // WAHA answers 422 for an existing name (a session left behind without our row, e.g. a crash between
    // WAHA's answer and our commit). WAHA Core before 2026.6.1 also answers 422 for any name but "default".
    if (error instanceof WahaClientError && error.status === HttpStatus.UNPROCESSABLE_ENTITY && /exist/i.test(error.wahaMessage ?? '')) {
      this.logger.warn({ name }, 'WAHA already has a session with this name');
      return sessionExists(name);
    }
    return fromWahaError(error);
  }
}

function sessionExists(name: string): WahaException {
  return new WahaException(WahaErrorCode.SessionExists, 'This clinic already has a WhatsApp number with this label', { name });
}
