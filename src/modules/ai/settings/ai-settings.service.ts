import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { EntityManager, Repository } from 'typeorm';
import { AuthUser } from 'src/common/auth/auth-user';
import { JsonCache } from 'src/common/redis/json-cache';
import { REDIS_CLIENT } from 'src/common/redis/redis.module';
import { RedisConnectionFactory } from 'src/common/redis/redis-connection.factory';
import { validationFailed } from 'src/common/validation/validation';
import { aiConfig } from 'src/config/ai.config';
import { EngineKind } from 'src/modules/ai/engine/engine.types';
import { AuditAction, AuditEntityType } from 'src/modules/audit/audit.constants';
import { AuditService } from 'src/modules/audit/audit.service';
import { diffChanges } from 'src/modules/audit/diff-changes';
import { AiSettingsEntity } from './ai-settings.entity';
import { AI_SETTINGS_DEFAULTS, AiSettings, DEFAULT_PERSONA } from './ai-settings.types';
import { AiSettingsResponseDto } from './dto/ai-settings-response.dto';
import { UpdateAiSettingsDto } from './dto/update-ai-settings.dto';

// Writers overwrite the Redis copy after their commit, so every process sees a change at once; the TTL
// only bounds how long a value written by hand in the database can stay unseen.
const CACHE_TTL_SECONDS = 300;

@Injectable()
export class AiSettingsService {
  private readonly cache: JsonCache<AiSettings>;

  constructor(
    @InjectRepository(AiSettingsEntity) private readonly settings: Repository<AiSettingsEntity>,
    private readonly audit: AuditService,
    @Inject(aiConfig.KEY) private readonly config: ConfigType<typeof aiConfig>,
    @Inject(REDIS_CLIENT) redis: Redis,
    keys: RedisConnectionFactory,
  ) {
    this.cache = new JsonCache(redis, (organizationId) => keys.key('ai', 'settings', organizationId), CACHE_TTL_SECONDS);
  }

  /** The organization's AI settings, with defaults the first time (the row is created then). */
  async get(organizationId: string): Promise<AiSettings> {
    const settings = await this.cache.get(organizationId, async (id) => toSettings(await this.loadOrCreate(this.settings.manager, id)));
    if (!settings) throw new Error(`AI settings of organization ${organizationId} could not be loaded`);
    return settings;
  }

  async findMine(actor: AuthUser): Promise<AiSettingsResponseDto> {
    return AiSettingsResponseDto.from(await this.get(actor.organizationId));
  }

  async updateMine(actor: AuthUser, dto: UpdateAiSettingsDto): Promise<AiSettingsResponseDto> {
    const saved = await this.settings.manager.transaction(async (manager) => {
      const row = await this.loadOrCreate(manager, actor.organizationId, true);
      const before = toSettings(row);
      applyChanges(row, dto);
      if (row.maxDebounceMs < row.debounceMs) {
        throw validationFailed([{ field: 'max_debounce_ms', errors: ['max_debounce_ms must be greater than or equal to debounce_ms'] }]);
      }
      const updated = await manager.getRepository(AiSettingsEntity).save(row);
      const changes = diffChanges(auditable(before), auditable(toSettings(updated)));
      if (Object.keys(changes).length > 0) {
        await this.audit.record(
          { organizationId: actor.organizationId, actor, action: AuditAction.AiSettingsUpdated, entityType: AuditEntityType.AiSettings, entityId: updated.id, changes },
          manager,
        );
      }
      return updated;
    });
    const settings = toSettings(saved);
    await this.cache.put(actor.organizationId, settings);
    return AiSettingsResponseDto.from(settings);
  }

  private async loadOrCreate(manager: EntityManager, organizationId: string, lock = false): Promise<AiSettingsEntity> {
    const repository = manager.getRepository(AiSettingsEntity);
    // ON CONFLICT DO NOTHING: two processes reading a new organization at once create one row.
    await repository.createQueryBuilder().insert().values(this.defaultsFor(organizationId)).orIgnore().execute();
    const query = repository.createQueryBuilder('settings').where('settings.organization_id = :organizationId', { organizationId });
    if (lock) query.setLock('pessimistic_write');
    return query.getOneOrFail();
  }

  private defaultsFor(organizationId: string): Partial<AiSettingsEntity> {
    return {
      organizationId,
      enabled: true,
      engine: this.config.provider as EngineKind,
      model: AI_SETTINGS_DEFAULTS.model,
      botName: DEFAULT_PERSONA.botName,
      tone: DEFAULT_PERSONA.tone,
      greeting: DEFAULT_PERSONA.greeting,
      disclaimers: [...DEFAULT_PERSONA.disclaimers],
      debounceMs: AI_SETTINGS_DEFAULTS.debounceMs,
      maxDebounceMs: AI_SETTINGS_DEFAULTS.maxDebounceMs,
      humanIdleHandbackMinutes: AI_SETTINGS_DEFAULTS.humanIdleHandbackMinutes,
      maxModelCallsPerConversationPerDay: this.config.maxModelCallsPerConversationPerDay,
      monthlyTokenBudget: AI_SETTINGS_DEFAULTS.monthlyTokenBudget,
      historyWindow: AI_SETTINGS_DEFAULTS.historyWindow,
    };
  }
}

function applyChanges(row: AiSettingsEntity, dto: UpdateAiSettingsDto): void {
  const persona = dto.persona ?? {};
  const changes: Partial<AiSettingsEntity> = {
    enabled: dto.enabled,
    engine: dto.engine,
    model: dto.model,
    botName: persona.bot_name,
    tone: persona.tone,
    greeting: persona.greeting,
    disclaimers: persona.disclaimers,
    debounceMs: dto.debounce_ms,
    maxDebounceMs: dto.max_debounce_ms,
    humanIdleHandbackMinutes: dto.human_idle_handback_minutes,
    maxModelCallsPerConversationPerDay: dto.max_model_calls_per_conversation_per_day,
    monthlyTokenBudget: dto.monthly_token_budget,
    historyWindow: dto.history_window,
  };
  for (const [field, value] of Object.entries(changes)) {
    if (value !== undefined) Object.assign(row, { [field]: value });
  }
}

export function toSettings(row: AiSettingsEntity): AiSettings {
  return {
    organizationId: row.organizationId,
    enabled: row.enabled,
    engine: row.engine,
    model: row.model,
    persona: { botName: row.botName, tone: row.tone, greeting: row.greeting, disclaimers: row.disclaimers },
    debounceMs: row.debounceMs,
    maxDebounceMs: row.maxDebounceMs,
    humanIdleHandbackMinutes: row.humanIdleHandbackMinutes,
    maxModelCallsPerConversationPerDay: row.maxModelCallsPerConversationPerDay,
    monthlyTokenBudget: row.monthlyTokenBudget,
    historyWindow: row.historyWindow,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function auditable(settings: AiSettings): Record<string, unknown> {
  const { organizationId: _organizationId, updatedAt: _updatedAt, persona, ...rest } = settings;
  return { ...rest, ...persona };
}
