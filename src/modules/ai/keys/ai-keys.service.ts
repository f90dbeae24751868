import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { SecretCipher } from 'src/common/crypto/secret-cipher';
import { findPage, Page } from 'src/common/pagination';
import { isUniqueViolation } from 'src/database/pg-errors';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { AiApiKeyEntity } from './ai-api-key.entity';
import { KeyStateStore } from './ai-key-state.store';
import { AiKeyErrorCode, AiKeyException } from './ai-keys.exceptions';
import { AI_CLOCK, Clock, systemClock } from './clock';
import { AddAiKeyDto } from './dto/add-ai-key.dto';
import { AiKeyResponseDto } from './dto/ai-key-response.dto';
import { ListAiKeysQueryDto } from './dto/list-ai-keys-query.dto';
import { fingerprintOf } from './platform-keys';
import { resealKey } from './reseal-key';

export const MAX_KEYS_PER_ORGANIZATION = 20;
const SORT_COLUMNS = { created_at: 'key.created_at' } as const;
const ROTATION_BATCH = 200;

/** Staff-facing management of an organization's Gemini keys; `AiKeyProvider` hands them out. */
@Injectable()
export class AiKeysService {
  private readonly logger = new Logger(AiKeysService.name);

  constructor(
    @InjectRepository(AiApiKeyEntity) private readonly keys: Repository<AiApiKeyEntity>,
    private readonly cipher: SecretCipher,
    private readonly state: KeyStateStore,
    private readonly audit: AuditService,
    @Optional() @Inject(AI_CLOCK) private readonly clock: Clock = systemClock,
  ) {}

  async add(actor: AuthUser, dto: AddAiKeyDto): Promise<AiKeyResponseDto> {
    const fingerprint = fingerprintOf(dto.api_key);
    try {
      const saved = await this.keys.manager.transaction(async (manager) => {
        // Serialises concurrent adds of one organization so the count check cannot be raced past.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('ai_api_keys'), hashtext($1))`, [actor.organizationId]);
        const repository = manager.getRepository(AiApiKeyEntity);
        if ((await repository.countBy({ organizationId: actor.organizationId })) >= MAX_KEYS_PER_ORGANIZATION) {
          throw new AiKeyException(AiKeyErrorCode.LimitReached, `An organization may have at most ${MAX_KEYS_PER_ORGANIZATION} AI keys`, {
            max: MAX_KEYS_PER_ORGANIZATION,
          });
        }
        const key = await repository.save(
          repository.create({
            organizationId: actor.organizationId,
            label: dto.label ?? null,
            apiKeyEncrypted: this.cipher.encrypt(dto.api_key),
            fingerprint,
            last4: dto.api_key.slice(-4),
          }),
        );
        await this.audit.record(
          { organizationId: actor.organizationId, actor, action: AuditAction.AiKeyAdded, entityType: AuditEntityType.AiApiKey, entityId: key.id, metadata: { label: key.label, last4: key.last4 } },
          manager,
        );
        return key;
      });
      return AiKeyResponseDto.from(saved, this.clock.now());
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_ai_api_keys_org_fingerprint')) {
        throw new AiKeyException(AiKeyErrorCode.Duplicate, 'This key was already added to the organization');
      }
      throw error;
    }
  }

  async list(actor: AuthUser, query: ListAiKeysQueryDto): Promise<Page<AiKeyResponseDto>> {
    const qb = this.keys.createQueryBuilder('key').where('key.organization_id = :org', { org: actor.organizationId });
    const page = await findPage(qb, query, SORT_COLUMNS);
    const now = this.clock.now();
    return { ...page, items: page.items.map((key) => AiKeyResponseDto.from(key, now)) };
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    await this.keys.manager.transaction(async (manager) => {
      const repository = manager.getRepository(AiApiKeyEntity);
      const key = await repository.findOneBy({ id, organizationId: actor.organizationId });
      if (!key) throw new AiKeyException(AiKeyErrorCode.NotFound, 'AI key not found');
      await repository.delete({ id, organizationId: actor.organizationId });
      await this.audit.record(
        { organizationId: actor.organizationId, actor, action: AuditAction.AiKeyDeleted, entityType: AuditEntityType.AiApiKey, entityId: id, metadata: { label: key.label, last4: key.last4 } },
        manager,
      );
    });
    await this.state.forget(id).catch((error: unknown) => this.logger.warn({ keyId: id, err: String(error) }, 'could not clear AI key bench state'));
  }

  /**
   * Re-seals every key still sealed with an older master key (run after putting a new key in front of
   * SECRETS_ENCRYPTION_KEYS, before removing the old one). Keys are also re-sealed lazily when used.
   * Returns how many were re-sealed.
   */
  async rotateSecrets(): Promise<number> {
    let rotated = 0;
    let lastId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.keys
        .createQueryBuilder('key')
        .select(['key.id', 'key.apiKeyEncrypted'])
        .where('key.id > :lastId', { lastId })
        .orderBy('key.id', 'ASC')
        .limit(ROTATION_BATCH)
        .getMany();
      if (batch.length === 0) return rotated;
      for (const key of batch.filter((row) => this.cipher.needsRotation(row.apiKeyEncrypted))) rotated += await this.reseal(key);
      lastId = batch[batch.length - 1].id;
    }
  }

  private async reseal(key: Pick<AiApiKeyEntity, 'id' | 'apiKeyEncrypted'>): Promise<number> {
    try {
      return (await resealKey(this.keys, this.cipher, key)) ? 1 : 0;
    } catch (error) {
      this.logger.error({ keyId: key.id, err: error instanceof Error ? error.message : String(error) }, 'AI key could not be re-sealed');
      return 0;
    }
  }
}
