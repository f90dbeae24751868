import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigType } from '@nestjs/config';
import { aiConfig } from 'src/config/ai.config';
import { AlertsModule } from 'src/modules/alerts/alerts.module';
import { AuditModule } from 'src/modules/audit/audit.module';
import { ContactsModule } from 'src/modules/contacts/contacts.module';
import { ConversationsModule } from 'src/modules/conversations/conversations.module';
import { KnowledgeModule } from 'src/modules/knowledge/knowledge.module';
import { LeadsModule } from 'src/modules/leads/leads.module';
import { OrganizationsModule } from 'src/modules/organizations/organizations.module';
import { AnswerCache } from './cache/answer-cache';
import { AiApiKeyEntity } from './keys/ai-api-key.entity';
import { AiKeyProvider } from './keys/ai-key-provider';
import { KeyStateStore, RedisKeyStateStore } from './keys/ai-key-state.store';
import { AiKeysController } from './keys/ai-keys.controller';
import { AiKeysService } from './keys/ai-keys.service';
import { AiSettingsController } from './settings/ai-settings.controller';
import { AiSettingsEntity } from './settings/ai-settings.entity';
import { AiSettingsService } from './settings/ai-settings.service';
import { AiLimitsService } from './usage/ai-limits.service';
import { AiModelCallEntity } from './usage/ai-model-call.entity';
import { AiModelCallsRepository } from './usage/ai-model-calls.repository';
import { AiStatsController } from './usage/ai-stats.controller';
import { AiStatsService } from './usage/ai-stats.service';
import { AiUsageService } from './usage/ai-usage.service';
import { ModelPriceTable } from './usage/model-prices';
import { KnowledgeEmbedder } from './embeddings/knowledge-embedder';
import { AiMaintenanceProcessor } from './turns/ai-maintenance.processor';
import { AiTurnProcessor } from './turns/ai-turn.processor';
import { AiTurnService } from './turns/ai-turn.service';
import { TurnAlerts } from './turns/turn-alerts';
import { TurnContextBuilder } from './turns/turn-context.builder';
import { TurnLeads } from './turns/turn-leads';
import { TurnModels } from './turns/turn-models';
import { TurnScheduler } from './turns/turn-scheduler';
import { TurnSweeper } from './turns/turn-sweeper';
import { ENGINE_PROVIDERS } from './engine/engine.providers';

/** The AI front desk: engines, keys, usage and the per-turn orchestration. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AiSettingsEntity, AiApiKeyEntity, AiModelCallEntity]),
    AuditModule,
    AlertsModule,
    OrganizationsModule,
    ContactsModule,
    ConversationsModule,
    KnowledgeModule,
    LeadsModule,
  ],
  providers: [
    AiSettingsService,
    AiKeysService,
    AiKeyProvider,
    { provide: KeyStateStore, useClass: RedisKeyStateStore },
    AiUsageService,
    AiModelCallsRepository,
    AiStatsService,
    AiLimitsService,
    AnswerCache,
    {
      provide: ModelPriceTable,
      inject: [aiConfig.KEY],
      useFactory: (config: ConfigType<typeof aiConfig>) => ModelPriceTable.fromConfig(config.modelPricesJson),
    },
    ...ENGINE_PROVIDERS,
    TurnModels,
    TurnContextBuilder,
    TurnLeads,
    TurnAlerts,
    TurnScheduler,
    TurnSweeper,
    AiTurnService,
    AiTurnProcessor,
    AiMaintenanceProcessor,
    KnowledgeEmbedder,
  ],
  controllers: [AiSettingsController, AiKeysController, AiStatsController],
  exports: [AiSettingsService, AiKeyProvider, AiKeysService, AiUsageService, AiLimitsService, AnswerCache],
})
export class AiModule {}
